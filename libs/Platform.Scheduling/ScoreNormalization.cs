namespace Platform.Scheduling;

/// <summary>The two normalisations of the Kubernetes scheduler framework's DefaultNormalizeScore.</summary>
public static class ScoreNormalization
{
    /// <summary>The highest raw value becomes 100, the rest in proportion; all zero stays all zero.</summary>
    public static IReadOnlyList<double> ToHighest(IReadOnlyList<double> raw)
    {
        var max = raw.DefaultIfEmpty(0).Max();
        return max <= 0 ? raw.Select(_ => 0.0).ToList() : raw.Select(r => 100.0 * r / max).ToList();
    }

    /// <summary>Fewer is better: the highest raw value becomes 0, zero becomes 100; all zero is all 100.</summary>
    public static IReadOnlyList<double> Reversed(IReadOnlyList<double> raw)
    {
        var max = raw.DefaultIfEmpty(0).Max();
        return max <= 0 ? raw.Select(_ => 100.0).ToList() : raw.Select(r => 100.0 - (100.0 * r / max)).ToList();
    }
}
