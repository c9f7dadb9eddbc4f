using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>A manifest as a repository holds it: the exact bytes pushed and the media type they were pushed as.</summary>
public sealed record StoredManifest(Digest Digest, string MediaType, byte[] Content);
