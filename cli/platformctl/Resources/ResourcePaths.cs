namespace Platform.Cli.Resources;

/// <summary>The Kubernetes-shaped request paths of a kind's collection and objects, relative to the server's base address.</summary>
internal static class ResourcePaths
{
    /// <summary>"api/v1/namespaces/NS/pods", "api/v1/pods" (every namespace), "api/v1/nodes" (cluster-wide kinds).</summary>
    public static string Collection(ResourceKind kind, string @namespace, bool allNamespaces = false) =>
        kind.Namespaced && !allNamespaces
            ? $"{kind.ApiRoot}/namespaces/{Escape(@namespace)}/{kind.Plural}"
            : $"{kind.ApiRoot}/{kind.Plural}";

    /// <summary>An object's path. Image names are references ("127.0.0.1:5000/team/app:1"): their slashes stay path separators.</summary>
    public static string Item(ResourceKind kind, string @namespace, string name) =>
        $"{Collection(kind, @namespace)}/{string.Join('/', name.Split('/').Select(Escape))}";

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}
