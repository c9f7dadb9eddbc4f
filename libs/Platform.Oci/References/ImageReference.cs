namespace Platform.Oci.References;

/// <summary>
/// A parsed image reference: <c>[host[:port]/]repository[:tag][@digest]</c>. A reference that names
/// no registry means the platform's own image store; there is no implicit public registry and no
/// <c>library/</c> prefix.
/// </summary>
public sealed record ImageReference
{
    /// <summary>The platform's image store, used when a reference names no registry.</summary>
    public const string DefaultRegistry = "127.0.0.1:5000";

    public const string DefaultTag = "latest";

    public required string Registry { get; init; }

    public required string Repository { get; init; }

    /// <summary>The tag; <c>latest</c> when the reference had neither tag nor digest, null when it had only a digest.</summary>
    public string? Tag { get; init; }

    public Digest? Digest { get; init; }

    /// <summary>What a registry is asked for: the digest when there is one (it pins the content), else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? Tag ?? DefaultTag;

    /// <summary>The repository with its registry: <c>host:port/team/app</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    public static ImageReference Parse(string text, string defaultRegistry = DefaultRegistry) =>
        ImageReferenceParser.Parse(text, defaultRegistry);

    public static bool TryParse(string text, out ImageReference? reference, string defaultRegistry = DefaultRegistry)
    {
        try
        {
            reference = ImageReferenceParser.Parse(text, defaultRegistry);
            return true;
        }
        catch (InvalidReferenceException)
        {
            reference = null;
            return false;
        }
    }

    /// <summary>The same image pinned to <paramref name="digest"/>, keeping the tag for display.</summary>
    public ImageReference WithDigest(Digest digest) => this with { Digest = digest };

    public override string ToString()
    {
        var text = Name;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }
        if (Digest is { } digest)
        {
            text += "@" + digest;
        }
        return text;
    }
}
