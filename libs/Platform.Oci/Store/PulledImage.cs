using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Oci.Store;

/// <summary>
/// A pulled image: its config and its unpacked layer directories in image order (bottom layer
/// first), plus what this pull had to do (a second pull of the same image downloads and unpacks nothing).
/// </summary>
public sealed record PulledImage(
    ImageReference Reference,
    Digest ManifestDigest,
    Digest ConfigDigest,
    ImageConfig Config,
    IReadOnlyList<string> LayerDirectories,
    long BytesDownloaded,
    int BlobsDownloaded,
    int LayersUnpacked)
{
    /// <summary>The manifest's layer descriptors (digest, size, media type), bottom first.</summary>
    public IReadOnlyList<Model.Descriptor> LayerBlobs { get; init; } = [];

    /// <summary>The overlayfs <c>lowerdir=</c> value: overlay lists the top-most layer first.</summary>
    public string OverlayLowerDirs => string.Join(':', LayerDirectories.Reverse());
}
