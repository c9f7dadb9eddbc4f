using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Cli.Tests.Support;

/// <summary>An OCI index of two one-layer images (linux/amd64 and linux/arm64), pushed straight into a registry.</summary>
internal sealed record MultiPlatformImage(ManifestDocument Index, IReadOnlyList<ManifestDocument> Manifests)
{
    public static async Task<MultiPlatformImage> PushAsync(string registry, string repository, string tag)
    {
        using var http = new HttpClient();
        var client = new RegistryClient(http, registry);
        var manifests = new List<ManifestDocument>();
        var entries = new List<Descriptor>();
        foreach (var (architecture, day) in new[] { ("amd64", 1), ("arm64", 2) })
        {
            // A layer of each platform's own, so the index brings four distinct blobs.
            var tar = TestTarballs.RootFileSystem(TestTarballs.Newest.AddDays(day));
            var layer = TestTarballs.Gzip(tar);
            var config = ImageConfigReader.Serialize(new ImageConfig
            {
                Architecture = architecture,
                OperatingSystem = "linux",
                RootFileSystem = new RootFileSystem { DiffIds = [Digest.Compute(tar).ToString()] },
            });
            await PushBlobAsync(client, repository, layer);
            await PushBlobAsync(client, repository, config);
            var manifest = ManifestDocument.From(new ImageManifest
            {
                MediaType = MediaTypes.OciManifest,
                Config = Describe(MediaTypes.OciConfig, config),
                Layers = [Describe(MediaTypes.OciLayerGzip, layer)],
            });
            await client.PushManifestAsync(repository, manifest.Digest.ToString(), manifest, CancellationToken.None);
            manifests.Add(manifest);
            entries.Add(manifest.ToDescriptor() with { Platform = new ImagePlatform { OperatingSystem = "linux", Architecture = architecture } });
        }

        var index = ManifestDocument.From(new ImageIndex { MediaType = MediaTypes.OciIndex, Manifests = entries });
        await client.PushManifestAsync(repository, tag, index, CancellationToken.None);
        return new MultiPlatformImage(index, manifests);
    }

    private static async Task PushBlobAsync(RegistryClient client, string repository, byte[] blob)
    {
        using var content = new MemoryStream(blob);
        await client.PushBlobAsync(repository, Digest.Compute(blob), content, CancellationToken.None);
    }

    private static Descriptor Describe(string mediaType, byte[] content) =>
        new() { MediaType = mediaType, Digest = Digest.Compute(content).ToString(), Size = content.LongLength };
}
