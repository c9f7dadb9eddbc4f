using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// An image as a registry has it: the document the reference names (<paramref name="Named"/>: a
/// manifest, or an index of several), and the linux/amd64 image manifest it comes down to.
/// </summary>
internal sealed record ResolvedImage(ImageReference Reference, ManifestDocument Named, ManifestDocument Image)
{
    public Digest Digest => Named.Digest;

    public ImageManifest Manifest => Image.Manifest!;

    /// <summary>What pulling the image transfers: the config and every layer, compressed, as docker images counts it.</summary>
    public long Size => Manifest.Config.Size + Manifest.Layers.Sum(layer => layer.Size);

    /// <summary>The config first, then the layers from the bottom up.</summary>
    public IEnumerable<Descriptor> Blobs => [Manifest.Config, .. Manifest.Layers];
}
