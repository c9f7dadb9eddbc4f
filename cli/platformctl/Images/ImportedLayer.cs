using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// The one layer of an imported image: the gzip-compressed tar at <paramref name="Path"/> (its
/// <paramref name="Digest"/> and <paramref name="Size"/> are what the registry stores), the digest of
/// the uncompressed tar (<paramref name="DiffId"/>), and the newest modification time in it.
/// </summary>
internal sealed record ImportedLayer(string Path, Digest Digest, long Size, Digest DiffId, DateTimeOffset Created);
