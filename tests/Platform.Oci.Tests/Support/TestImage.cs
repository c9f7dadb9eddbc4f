using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Oci.Tests.Support;

/// <summary>An image made in code: layer blobs, a config and a manifest, ready to push with <see cref="RegistryClient"/>.</summary>
public sealed record TestImage(IReadOnlyList<byte[]> Layers, IReadOnlyList<Digest> DiffIds, byte[] ConfigBytes, ManifestDocument Manifest)
{
    public static TestImage Create(string architecture = "amd64", params LayerBuilder[] layers)
    {
        var blobs = layers.Select(l => l.ToGzip()).ToList();
        var diffIds = layers.Select(l => Digest.Compute(l.ToTar())).ToList();
        var config = ImageConfigReader.Serialize(new ImageConfig
        {
            Architecture = architecture,
            OperatingSystem = "linux",
            Created = LayerBuilder.DefaultTime,
            Config = new ContainerConfig
            {
                Env = ["PATH=/bin", "GREETING=hello"],
                Cmd = ["/bin/sh", "-c", "cat /etc/hello"],
                WorkingDir = "/",
                ExposedPorts = new Dictionary<string, EmptyObject> { ["8080/tcp"] = EmptyObject.Instance },
                Labels = new Dictionary<string, string> { ["arch"] = architecture },
            },
            RootFileSystem = new RootFileSystem { DiffIds = diffIds.Select(d => d.ToString()).ToList() },
            History = layers.Select(_ => new HistoryEntry { CreatedBy = "test" }).ToList(),
        });
        var manifest = ManifestDocument.From(new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = Describe(MediaTypes.OciConfig, config),
            Layers = blobs.Select(b => Describe(MediaTypes.OciLayerGzip, b)).ToList(),
        });
        return new TestImage(blobs, diffIds, config, manifest);
    }

    public static TestImage Sample(string architecture = "amd64") => Create(architecture,
        new LayerBuilder().Directory("etc").File("etc/hello", "hello from layer one").File("etc/old", "old").Symlink("etc/link", "/etc/hello"),
        new LayerBuilder().File("etc/.wh.old", "").Directory("var/cache").File("var/cache/.wh..wh..opq", "").File("etc/second", architecture));

    public Digest LayerDigest(int index) => Digest.Compute(Layers[index]);

    public Digest ConfigDigest => Digest.Compute(ConfigBytes);

    public async Task PushAsync(RegistryClient client, string repository, string tag, CancellationToken cancellationToken = default)
    {
        await PushBlobsAsync(client, repository, cancellationToken);
        await client.PushManifestAsync(repository, tag, Manifest, cancellationToken);
    }

    public async Task PushBlobsAsync(RegistryClient client, string repository, CancellationToken cancellationToken = default)
    {
        foreach (var blob in Layers.Append(ConfigBytes))
        {
            using var content = new MemoryStream(blob);
            await client.PushBlobAsync(repository, Digest.Compute(blob), content, cancellationToken);
        }
    }

    public static Descriptor Describe(string mediaType, byte[] content) =>
        new() { MediaType = mediaType, Digest = Digest.Compute(content).ToString(), Size = content.Length };
}
