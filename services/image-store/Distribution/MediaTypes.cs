namespace Platform.ImageStore.Distribution;

/// <summary>The manifest media types the store accepts, and what each kind references.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    public static bool IsImageManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => IsImageManifest(mediaType) || IsIndex(mediaType);

    /// <summary>
    /// Layers a registry must not be asked to hold (Windows base layers and the like): their bytes live
    /// elsewhere, so a manifest may name them without the blob being present.
    /// </summary>
    public static bool IsForeignLayer(string? mediaType) =>
        mediaType is not null && (mediaType.Contains("nondistributable", StringComparison.Ordinal)
            || mediaType.Contains("foreign", StringComparison.Ordinal));
}
