using System.Text.RegularExpressions;

namespace Platform.ImageStore.Distribution;

/// <summary>What follows /manifests/ in a URL: a tag or a digest.</summary>
public sealed partial record Reference(string? Tag, Digest? Digest)
{
    public static Reference Parse(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return new Reference(null, Distribution.Digest.Parse(text));
        }

        return TagPattern().IsMatch(text)
            ? new Reference(text, null)
            : throw new RegistryException(RegistryError.ManifestInvalid($"\"{text}\" is neither a tag nor a digest"));
    }

    public override string ToString() => Tag ?? Digest!.Value.ToString();

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
