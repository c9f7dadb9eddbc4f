namespace Platform.Oci.Layers;

/// <summary>Bounds on what one layer may expand to, so a decompression bomb is refused instead of filling the disk.</summary>
public sealed record LayerLimits
{
    public static readonly LayerLimits Default = new();

    /// <summary>The most bytes the decompressed tar stream may have (headers and contents together).</summary>
    public long MaxUnpackedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>Linux PATH_MAX, counting the terminating NUL: a longer name could not be created anyway.</summary>
    public int MaxPathBytes { get; init; } = 4096;

    /// <summary>Linux NAME_MAX: the longest single path component.</summary>
    public int MaxNameBytes { get; init; } = 255;
}
