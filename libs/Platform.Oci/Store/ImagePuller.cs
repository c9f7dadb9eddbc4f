using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Oci.Store;

/// <summary>
/// Pulls an image into the node's <see cref="LayerCache"/>: resolves the manifest (the wanted
/// platform's entry of an index), fetches the config and every missing layer blob with its digest
/// verified, and unpacks each layer once. Layers already unpacked are neither downloaded nor unpacked.
/// </summary>
public sealed class ImagePuller(LayerCache cache, Func<string, RegistryClient> clientForRegistry, ImagePlatform? platform = null)
{
    /// <summary>A config is a small JSON document; a huge one is refused instead of read into memory.</summary>
    private const long MaxConfigBytes = 8 * 1024 * 1024;

    private readonly ImagePlatform platform = platform ?? ImagePlatform.LinuxAmd64;

    public async Task<PulledImage> PullAsync(ImageReference reference, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var client = clientForRegistry(reference.Registry);
        var manifestDocument = await client.GetImageManifestAsync(reference.Repository, reference.ManifestReference, platform, cancellationToken);
        var manifest = manifestDocument.Manifest!;
        var tally = new PullTally();
        var (configDigest, config) = await FetchConfigAsync(client, reference, manifest.Config, tally, cancellationToken);
        var layers = PlanLayers(manifest, config);
        var tracker = new PullProgressTracker(progress, layers.Where(l => !cache.HasLayer(l.DiffId) && !cache.HasBlob(l.BlobDigest)).Sum(l => l.Blob.Size), layers.Count);
        var directories = new List<string>(layers.Count);
        foreach (var layer in layers)
        {
            directories.Add(await EnsureLayerAsync(client, reference, layer, tally, tracker, cancellationToken));
        }
        tracker.Report("pulled");
        return new PulledImage(reference.WithDigest(manifestDocument.Digest), manifestDocument.Digest, configDigest, config,
            directories, tally.Bytes, tally.Blobs, tally.Layers)
        {
            LayerBlobs = manifest.Layers,
        };
    }

    private async Task<(Digest, ImageConfig)> FetchConfigAsync(
        RegistryClient client, ImageReference reference, Descriptor descriptor, PullTally tally, CancellationToken cancellationToken)
    {
        if (descriptor.Size > MaxConfigBytes)
        {
            throw new InvalidManifestException($"the image config is {descriptor.Size} bytes, more than {MaxConfigBytes}");
        }
        var digest = Digest.Parse(descriptor.Digest);
        await EnsureBlobAsync(client, reference, digest, descriptor.Size, tally, null, cancellationToken);
        var config = ImageConfigReader.Parse(await File.ReadAllBytesAsync(cache.BlobPath(digest), cancellationToken));
        return (digest, config);
    }

    /// <summary>Pairs each layer blob with its diff ID from the config; the two lists must agree in length.</summary>
    private static List<LayerToPull> PlanLayers(ImageManifest manifest, ImageConfig config)
    {
        var diffIds = config.RootFileSystem.DiffIds;
        if (diffIds.Count != manifest.Layers.Count)
        {
            throw new InvalidManifestException(
                $"the manifest lists {manifest.Layers.Count} layers but the config has {diffIds.Count} diff IDs");
        }
        return manifest.Layers.Select((blob, i) => new LayerToPull(blob, Digest.Parse(blob.Digest), Digest.Parse(diffIds[i]))).ToList();
    }

    private async Task<string> EnsureLayerAsync(
        RegistryClient client, ImageReference reference, LayerToPull layer, PullTally tally, PullProgressTracker tracker, CancellationToken cancellationToken)
    {
        if (!cache.HasLayer(layer.DiffId))
        {
            tracker.Report($"downloading {layer.BlobDigest}");
            await EnsureBlobAsync(client, reference, layer.BlobDigest, layer.Blob.Size, tally, tracker.ForLayer(), cancellationToken);
            tracker.Report($"unpacking {layer.DiffId}");
            if (await cache.EnsureLayerAsync(layer.DiffId, cache.BlobPath(layer.BlobDigest), cancellationToken))
            {
                tally.Layers++;
            }
        }
        tracker.LayerReady(layer.Blob.Size);
        return cache.LayerDirectory(layer.DiffId);
    }

    private async Task EnsureBlobAsync(
        RegistryClient client, ImageReference reference, Digest digest, long size, PullTally tally, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var downloaded = await cache.EnsureBlobAsync(digest,
            (temporary, ct) => client.DownloadBlobAsync(reference.Repository, digest, size, temporary, progress, ct),
            cancellationToken);
        if (downloaded)
        {
            tally.Blobs++;
            tally.Bytes += size;
        }
    }

    private sealed record LayerToPull(Descriptor Blob, Digest BlobDigest, Digest DiffId);

    private sealed class PullTally
    {
        public long Bytes { get; set; }

        public int Blobs { get; set; }

        public int Layers { get; set; }
    }
}
