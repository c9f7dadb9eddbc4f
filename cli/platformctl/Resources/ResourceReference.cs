namespace Platform.Cli.Resources;

/// <summary>A resource named on the command line as "TYPE NAME", "TYPE/NAME" or just "TYPE".</summary>
internal sealed record ResourceReference(ResourceKind Kind, string? Name)
{
    public static ResourceReference Parse(string type, string? name)
    {
        var selection = ResourceSelection.Parse(type, name is null ? [] : [name]);
        return new ResourceReference(selection.Kind, selection.Names.FirstOrDefault());
    }

    /// <summary>"TYPE NAME..." or "TYPE/NAME": the kind and zero or more names.</summary>
    public static ResourceSelection ParseMany(string type, IReadOnlyList<string>? names) => ResourceSelection.Parse(type, names ?? []);

    /// <summary>The name, for commands that need exactly one object.</summary>
    public string RequireName(string verb) =>
        Name ?? throw new CliException($"resource name may not be empty (usage: platformctl {verb} {Kind.Singular} NAME)");
}

/// <summary>A kind and the objects of it the command line names (none: all of them).</summary>
internal sealed record ResourceSelection(ResourceKind Kind, IReadOnlyList<string> Names)
{
    public static ResourceSelection Parse(string type, IReadOnlyList<string> names)
    {
        var given = names.Where(n => n.Length > 0).ToList();
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new ResourceSelection(ResourceKinds.Parse(type), given);
        }

        if (given.Count > 0)
        {
            throw new CliException("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form");
        }

        var nameAfterSlash = type[(slash + 1)..];
        return nameAfterSlash.Length == 0
            ? throw new CliException($"arguments in resource/name form must have a single resource and name: \"{type}\"")
            : new ResourceSelection(ResourceKinds.Parse(type[..slash]), [nameAfterSlash]);
    }
}
