namespace Platform.Oci.References;

/// <summary>Content that does not hash to the digest it was asked for by: corrupt, truncated or substituted.</summary>
public sealed class DigestMismatchException(Digest expected, Digest actual, string what)
    : Exception($"{what} has digest {actual}, expected {expected}")
{
    public Digest Expected { get; } = expected;

    public Digest Actual { get; } = actual;
}
