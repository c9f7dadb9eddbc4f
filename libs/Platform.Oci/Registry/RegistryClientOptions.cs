namespace Platform.Oci.Registry;

public sealed record RegistryClientOptions
{
    public RegistryCredentials? Credentials { get; init; }

    /// <summary>Non-loopback hosts to speak plain HTTP to.</summary>
    public IReadOnlyCollection<string> InsecureRegistries { get; init; } = [];

    /// <summary>Blobs up to this size are pushed in one PUT; larger ones in chunks.</summary>
    public long MonolithicUploadLimit { get; init; } = 32L * 1024 * 1024;

    /// <summary>The size of one PATCH of a chunked upload (one chunk is held in memory at a time).</summary>
    public int ChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>distribution-spec recommends registries accept manifests up to 4 MiB; a larger one is refused.</summary>
    public int MaxManifestBytes { get; init; } = 4 * 1024 * 1024;
}
