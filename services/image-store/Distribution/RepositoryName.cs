using System.Text.RegularExpressions;

namespace Platform.ImageStore.Distribution;

/// <summary>
/// A repository name as the distribution spec defines it: lower-case path components separated by
/// "/" (`team/app`). No component can be "." or ".." or start with "_", so a valid name is also a
/// safe relative path under the store, and cannot collide with the store's own "_" folders.
/// </summary>
public sealed partial record RepositoryName
{
    private const int MaxLength = 255;

    private RepositoryName(string value) => Value = value;

    public string Value { get; }

    public static RepositoryName Parse(string text) =>
        text.Length <= MaxLength && Pattern().IsMatch(text)
            ? new RepositoryName(text)
            : throw new RegistryException(RegistryError.NameInvalid(text));

    public static bool TryParse(string? text, out RepositoryName? name)
    {
        name = text is not null && text.Length <= MaxLength && Pattern().IsMatch(text) ? new RepositoryName(text) : null;
        return name is not null;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
