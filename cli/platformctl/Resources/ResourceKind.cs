namespace Platform.Cli.Resources;

/// <summary>
/// A resource type as kubectl names it: its kind, singular and plural names, short names, API group
/// and version, and whether its objects live in a namespace. Request paths follow from these.
/// </summary>
internal sealed record ResourceKind(
    string Kind, string Singular, string Plural, string GroupVersion, bool Namespaced, IReadOnlyList<string> ShortNames)
{
    /// <summary>The API group ("apps"); empty for the core group ("v1").</summary>
    public string Group => GroupVersion.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? GroupVersion[..slash] : string.Empty;

    /// <summary>The name -o name prints before the slash: "pod", "deployment.apps".</summary>
    public string QualifiedName => Group.Length == 0 ? Singular : $"{Singular}.{Group}";

    /// <summary>"api/v1" for the core group, "apis/GROUP/VERSION" otherwise.</summary>
    public string ApiRoot => Group.Length == 0 ? $"api/{GroupVersion}" : $"apis/{GroupVersion}";

    /// <summary>Whether the user's word names this kind: "pods", "pod", "po", "Pod", "deployments.apps".</summary>
    public bool IsNamedBy(string word)
    {
        var name = Group.Length > 0 && word.EndsWith("." + Group, StringComparison.OrdinalIgnoreCase)
            ? word[..^(Group.Length + 1)]
            : word;
        return name.Equals(Singular, StringComparison.OrdinalIgnoreCase)
            || name.Equals(Plural, StringComparison.OrdinalIgnoreCase)
            || ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
