namespace Platform.Grains.Workloads;

/// <summary>Names for generated objects, as Kubernetes' generateName makes them: a prefix and five safe characters.</summary>
public static class PodNames
{
    // No vowels or look-alike digits, so a generated suffix never spells a word (Kubernetes' alphabet).
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }

        var trimmed = prefix.Length > 57 ? prefix[..57] : prefix;
        return $"{trimmed}-{suffix}";
    }
}
