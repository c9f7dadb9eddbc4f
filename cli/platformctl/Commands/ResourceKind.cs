namespace Platform.Cli.Commands;

/// <summary>The resource types the CLI knows, with kubectl's names and short names.</summary>
internal enum ResourceKind
{
    Pod,
    Node,
    Image,
}

internal static class ResourceKinds
{
    public static ResourceKind Parse(string text) => text.ToLowerInvariant() switch
    {
        "pod" or "pods" or "po" => ResourceKind.Pod,
        "node" or "nodes" or "no" => ResourceKind.Node,
        "image" or "images" or "img" => ResourceKind.Image,
        _ => throw new CliException($"the server doesn't have a resource type \"{text}\""),
    };

    /// <summary>The lower-case singular name used in "pod/NAME".</summary>
    public static string Singular(ResourceKind kind) => kind switch
    {
        ResourceKind.Pod => "pod",
        ResourceKind.Image => "image",
        _ => "node",
    };

    /// <summary>The plural used by the API and in its messages ("pods").</summary>
    public static string Plural(ResourceKind kind) => Singular(kind) + "s";
}
