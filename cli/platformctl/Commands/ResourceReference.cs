namespace Platform.Cli.Commands;

/// <summary>A resource named on the command line as "TYPE NAME", "TYPE/NAME" or just "TYPE".</summary>
internal sealed record ResourceReference(ResourceKind Kind, string? Name)
{
    public static ResourceReference Parse(string type, string? name)
    {
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new ResourceReference(ResourceKinds.Parse(type), EmptyToNull(name));
        }

        if (name is not null)
        {
            throw new CliException("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form");
        }

        var nameAfterSlash = type[(slash + 1)..];
        return nameAfterSlash.Length == 0
            ? throw new CliException($"arguments in resource/name form must have a single resource and name: \"{type}\"")
            : new ResourceReference(ResourceKinds.Parse(type[..slash]), nameAfterSlash);
    }

    /// <summary>The name, for commands that need exactly one object.</summary>
    public string RequireName(string verb) =>
        Name ?? throw new CliException($"resource name may not be empty (usage: platformctl {verb} {ResourceKinds.Singular(Kind)} NAME)");

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
