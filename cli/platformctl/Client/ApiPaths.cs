using Platform.Cli.Resources;

namespace Platform.Cli.Client;

/// <summary>Request paths that are not a kind's collection or object: the version and a pod's log.</summary>
internal static class ApiPaths
{
    public const string Version = "version";
    public const string Health = "healthz";

    public static string PodLog(string @namespace, string name, LogQuery query)
    {
        var parameters = new List<string>();
        if (!string.IsNullOrEmpty(query.Container))
        {
            parameters.Add("container=" + ResourcePaths.Escape(query.Container));
        }

        if (query.Follow)
        {
            parameters.Add("follow=true");
        }

        if (query.TailLines is { } tail)
        {
            parameters.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tailLines={tail}"));
        }

        if (query.Timestamps)
        {
            parameters.Add("timestamps=true");
        }

        var path = $"{ResourcePaths.Item(ResourceKinds.Pod, @namespace, name)}/log";
        return parameters.Count == 0 ? path : $"{path}?{string.Join('&', parameters)}";
    }

    public static string PodExec(string @namespace, string name, string? container, IReadOnlyList<string> command, bool stdin, bool tty)
    {
        var query = command.Select(c => "command=" + ResourcePaths.Escape(c)).ToList();
        if (!string.IsNullOrEmpty(container))
        {
            query.Add("container=" + ResourcePaths.Escape(container));
        }

        query.Add($"stdin={(stdin ? "true" : "false")}&stdout=true&stderr={(tty ? "false" : "true")}&tty={(tty ? "true" : "false")}");
        return $"{ResourcePaths.Item(ResourceKinds.Pod, @namespace, name)}/exec?{string.Join('&', query)}";
    }
}

/// <summary>What a log request asks the server for (it serves container, follow, tailLines and timestamps).</summary>
internal sealed record LogQuery(string? Container, bool Follow, int? TailLines, bool Timestamps);
