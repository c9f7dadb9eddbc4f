using Platform.Oci.References;

namespace Platform.Build.Building;

/// <summary>One layer of an image being built: its blob (digest, size, media type), its diff ID, and the repository that holds it.</summary>
public sealed record LayerReference(Digest BlobDigest, Digest DiffId, long Size, string MediaType, string Repository);
