namespace Platform.Cli.Client;

/// <summary>The Kubernetes-shaped request paths, relative to the server's base address.</summary>
internal static class ApiPaths
{
    public const string AllPods = "api/v1/pods";
    public const string Nodes = "api/v1/nodes";
    public const string Version = "version";

    public static string Pods(string @namespace) => $"api/v1/namespaces/{Escape(@namespace)}/pods";

    public static string Pod(string @namespace, string name) => $"{Pods(@namespace)}/{Escape(name)}";

    public static string Node(string name) => $"{Nodes}/{Escape(name)}";

    public const string Images = "apis/platform.io/v1/images";

    /// <summary>Image names are references ("127.0.0.1:5000/team/app:1"): their slashes are path segments.</summary>
    public static string Image(string name) => $"{Images}/{string.Join('/', name.Split('/').Select(Escape))}";

    public static string PodLog(string @namespace, string name, string? container, bool follow)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(container))
        {
            query.Add("container=" + Escape(container));
        }

        if (follow)
        {
            query.Add("follow=true");
        }

        var path = $"{Pod(@namespace, name)}/log";
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    public static string PodExec(string @namespace, string name, string? container, IReadOnlyList<string> command, bool stdin, bool tty)
    {
        var query = command.Select(c => "command=" + Escape(c)).ToList();
        if (!string.IsNullOrEmpty(container))
        {
            query.Add("container=" + Escape(container));
        }

        query.Add($"stdin={(stdin ? "true" : "false")}&stdout=true&stderr={(tty ? "false" : "true")}&tty={(tty ? "true" : "false")}");
        return $"{Pod(@namespace, name)}/exec?{string.Join('&', query)}";
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
