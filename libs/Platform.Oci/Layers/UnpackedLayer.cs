using Platform.Oci.References;

namespace Platform.Oci.Layers;

/// <summary>A layer unpacked into <see cref="Directory"/>: its diff ID (digest of the uncompressed tar) and size.</summary>
public sealed record UnpackedLayer(string Directory, Digest DiffId, long TarBytes, int EntryCount);
