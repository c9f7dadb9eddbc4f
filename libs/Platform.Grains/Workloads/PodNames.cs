namespace Platform.Grains.Workloads;

/// <summary>Names for generated objects, as Kubernetes' generateName makes them: a prefix and five safe characters.</summary>
public static class PodNames
{
    // No vowels or look-alike digits, so a generated suffix never spells a word (Kubernetes' alphabet).
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    // A generated name is at most 63 characters: the prefix, a dash and five.
    private const int MaxPrefix = 57;

    public static string Generate(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }

        var trimmed = prefix.Length > MaxPrefix ? prefix[..MaxPrefix] : prefix;
        return $"{trimmed}-{suffix}";
    }

    /// <summary>
    /// What every name generated under <paramref name="owner"/> starts with, also under a child named
    /// <c>&lt;owner&gt;-&lt;more&gt;</c> (a Deployment's ReplicaSets, and so their pods): the owner's name and a dash, or its
    /// first 57 characters when generation trims it.
    /// </summary>
    public static string PrefixUnder(string owner) => owner.Length >= MaxPrefix ? owner[..MaxPrefix] : owner + "-";
}
