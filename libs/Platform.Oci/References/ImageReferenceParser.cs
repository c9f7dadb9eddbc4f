namespace Platform.Oci.References;

/// <summary>Splits a reference into host, repository, tag and digest and checks each against the grammar.</summary>
internal static class ImageReferenceParser
{
    public static ImageReference Parse(string text, string defaultRegistry)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new InvalidReferenceException(text, "a reference must not be empty");
        }
        var (remainder, digest) = SplitDigest(text);
        var (name, tag) = SplitTag(text, remainder);
        var (registry, repository) = SplitRegistry(text, name, defaultRegistry);
        ValidateRepository(text, repository);
        if (name.Length > ReferenceGrammar.MaxNameLength)
        {
            throw new InvalidReferenceException(text, $"the name is longer than {ReferenceGrammar.MaxNameLength} characters");
        }
        return new ImageReference
        {
            Registry = registry,
            Repository = repository,
            Tag = tag ?? (digest is null ? ImageReference.DefaultTag : null),
            Digest = digest,
        };
    }

    private static (string Remainder, Digest? Digest) SplitDigest(string text)
    {
        var at = text.IndexOf('@');
        if (at < 0)
        {
            return (text, null);
        }
        if (!Digest.TryParse(text[(at + 1)..], out var digest, out var error))
        {
            throw new InvalidReferenceException(text, error);
        }
        return (text[..at], digest);
    }

    /// <summary>The tag follows the last ':' after the last '/', so a host's port is never taken for a tag.</summary>
    private static (string Name, string? Tag) SplitTag(string text, string remainder)
    {
        var colon = remainder.LastIndexOf(':');
        if (colon < 0 || colon < remainder.LastIndexOf('/'))
        {
            return (remainder, null);
        }
        var tag = remainder[(colon + 1)..];
        if (!ReferenceGrammar.Tag().IsMatch(tag))
        {
            throw new InvalidReferenceException(text, tag.Length > ReferenceGrammar.MaxTagLength
                ? $"the tag is longer than {ReferenceGrammar.MaxTagLength} characters"
                : $"tag '{tag}' may only hold letters, digits, '_', '.' and '-', and must not start with '.' or '-'");
        }
        return (remainder[..colon], tag);
    }

    private static (string Registry, string Repository) SplitRegistry(string text, string name, string defaultRegistry)
    {
        var slash = name.IndexOf('/');
        if (slash < 0 || !ReferenceGrammar.LooksLikeHost(name[..slash]))
        {
            return (defaultRegistry, name);
        }
        var host = name[..slash];
        if (!ReferenceGrammar.Host().IsMatch(host))
        {
            throw new InvalidReferenceException(text, $"'{host}' is not a valid registry host");
        }
        return (host, name[(slash + 1)..]);
    }

    private static void ValidateRepository(string text, string repository)
    {
        if (repository.Length == 0)
        {
            throw new InvalidReferenceException(text, "the repository name is missing");
        }
        if (repository.Any(char.IsUpper))
        {
            throw new InvalidReferenceException(text, $"repository '{repository}' must be lowercase");
        }
        foreach (var component in repository.Split('/'))
        {
            if (!ReferenceGrammar.PathComponent().IsMatch(component))
            {
                throw new InvalidReferenceException(text, component.Length == 0
                    ? $"repository '{repository}' has an empty path component"
                    : $"'{component}' in repository '{repository}' may only hold lowercase letters and digits, joined by '.', '_', '__' or '-'");
            }
        }
    }
}
