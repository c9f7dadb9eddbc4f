namespace Platform.Cli.Resources;

/// <summary>
/// Every kind the CLI knows, with kubectl's names. A new kind is one line here (and, for a table of
/// its own, a view in <see cref="ResourceViews"/>); a kind the server does not serve yet fails with
/// kubectl's one-line "the server doesn't have a resource type".
/// </summary>
internal static class ResourceKinds
{
    public static readonly ResourceKind Pod = new("Pod", "pod", "pods", "v1", Namespaced: true, ["po"]);
    public static readonly ResourceKind Node = new("Node", "node", "nodes", "v1", Namespaced: false, ["no"]);
    public static readonly ResourceKind Namespace = new("Namespace", "namespace", "namespaces", "v1", Namespaced: false, ["ns"]);
    public static readonly ResourceKind Service = new("Service", "service", "services", "v1", Namespaced: true, ["svc"]);
    public static readonly ResourceKind Endpoints = new("Endpoints", "endpoints", "endpoints", "v1", Namespaced: true, ["ep"]);
    public static readonly ResourceKind Event = new("Event", "event", "events", "v1", Namespaced: true, ["ev"]);
    public static readonly ResourceKind Deployment = new("Deployment", "deployment", "deployments", "apps/v1", Namespaced: true, ["deploy"]);
    public static readonly ResourceKind ReplicaSet = new("ReplicaSet", "replicaset", "replicasets", "apps/v1", Namespaced: true, ["rs"]);
    public static readonly ResourceKind HorizontalPodAutoscaler =
        new("HorizontalPodAutoscaler", "horizontalpodautoscaler", "horizontalpodautoscalers", "autoscaling/v2", Namespaced: true, ["hpa"]);
    public static readonly ResourceKind Image = new("Image", "image", "images", "platform.io/v1", Namespaced: false, ["img"]);

    public static IReadOnlyList<ResourceKind> All { get; } =
        [Pod, Node, Namespace, Service, Endpoints, Event, Deployment, ReplicaSet, HorizontalPodAutoscaler, Image];

    /// <summary>The kind a command line word names ("po", "pods", "deploy", "deployments.apps").</summary>
    public static ResourceKind Parse(string word) =>
        All.FirstOrDefault(kind => kind.IsNamedBy(word))
        ?? throw new CliException($"the server doesn't have a resource type \"{word}\"");

    /// <summary>The kind a manifest's apiVersion and kind name.</summary>
    public static ResourceKind FromManifest(string apiVersion, string kind) =>
        All.FirstOrDefault(known => known.Kind == kind && known.GroupVersion == apiVersion)
        ?? throw new CliException($"no matches for kind \"{kind}\" in version \"{apiVersion}\"");

    /// <summary>Every name a user may type for a kind, for shell completion.</summary>
    public static IEnumerable<string> Words() =>
        // Distinct: a kind whose singular is its plural (endpoints) offers the word once.
        All.SelectMany(kind => kind.ShortNames.Prepend(kind.Plural).Prepend(kind.Singular).Distinct());
}
