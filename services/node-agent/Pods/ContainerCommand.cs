using Platform.Api.Model;

namespace Platform.NodeAgent.Pods;

/// <summary>What process a container runs, and with which environment.</summary>
public static class ContainerCommand
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>command followed by args; null when the pod leaves the command to the image.</summary>
    public static IReadOnlyList<string>? Resolve(Container container) =>
        container.Command is { Count: > 0 } command ? [.. command, .. container.Args ?? []] : null;

    public static IReadOnlyDictionary<string, string> Environment(Container container, string podName)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = DefaultPath,
            ["HOSTNAME"] = podName,
            ["HOME"] = "/root",
        };
        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name!] = variable.Value ?? string.Empty;
        }

        return environment;
    }
}
