namespace Platform.ApiGateway.Resources;

/// <summary>What discovery says about one kind: where it lives, what it is called, which verbs it takes.</summary>
public sealed record ResourceKind(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Subresources)
{
    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
    public static readonly IReadOnlyList<string> ReadVerbs = ["get", "list", "watch"];

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string BasePath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>How Kubernetes names the resource in messages: "pods", "deployments.apps".</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ListKind => Kind + "List";
}
