using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// A one-layer OCI image made from a root filesystem tarball, as `docker import` makes one: the
/// layer, its config blob and the manifest over both. Everything in the config comes from the
/// tarball's content and the options, so the same input always gives the same manifest digest.
/// </summary>
internal sealed record ImportedImage(ImportedLayer Layer, byte[] Config, Descriptor ConfigDescriptor, ManifestDocument Manifest)
{
    public const string Architecture = "amd64";
    public const string OperatingSystem = "linux";
    public const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public Digest Digest => Manifest.Digest;

    /// <param name="sourceName">The tarball's file name, recorded in the history ("imported from NAME").</param>
    /// <param name="cmd">The image's default command; null or empty for none.</param>
    public static ImportedImage Assemble(ImportedLayer layer, string sourceName, IReadOnlyList<string>? cmd)
    {
        var config = ImageConfigReader.Serialize(new ImageConfig
        {
            Created = layer.Created,
            Architecture = Architecture,
            OperatingSystem = OperatingSystem,
            Config = new ContainerConfig { Env = [DefaultPath], Cmd = cmd is { Count: > 0 } ? cmd : null },
            RootFileSystem = new RootFileSystem { DiffIds = [layer.DiffId.ToString()] },
            History = [new HistoryEntry { Created = layer.Created, CreatedBy = $"imported from {sourceName}" }],
        });
        var configDescriptor = new Descriptor
        {
            MediaType = MediaTypes.OciConfig,
            Digest = Digest.Compute(config).ToString(),
            Size = config.LongLength,
        };
        var manifest = ManifestDocument.From(new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = configDescriptor,
            Layers = [new Descriptor { MediaType = MediaTypes.OciLayerGzip, Digest = layer.Digest.ToString(), Size = layer.Size }],
        });
        return new ImportedImage(layer, config, configDescriptor, manifest);
    }
}
