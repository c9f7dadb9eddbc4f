using Platform.Build.Building;
using Platform.Build.Layers;
using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;
using Platform.Oci.Store;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// Layers between this node and the image store: a layer another node built (a cache hit) is fetched and
/// unpacked here only when a later step needs the files; a layer built here is pushed to the target
/// repository and unpacked into the node's <see cref="LayerCache"/> for the steps after it.
/// </summary>
public sealed class BuildLayers(LayerCache cache, RegistryClient registry)
{
    public RegistryClient Registry => registry;

    /// <summary>The unpacked directories of <paramref name="layers"/>, bottom first, fetching any this node lacks.</summary>
    public async Task<List<string>> DirectoriesAsync(IReadOnlyList<LayerReference> layers, CancellationToken cancellationToken)
    {
        var directories = new List<string>(layers.Count);
        foreach (var layer in layers)
        {
            if (!cache.HasLayer(layer.DiffId))
            {
                await cache.EnsureBlobAsync(layer.BlobDigest,
                    (temporary, ct) => registry.DownloadBlobAsync(layer.Repository, layer.BlobDigest, layer.Size, temporary, null, ct), cancellationToken);
                await cache.EnsureLayerAsync(layer.DiffId, cache.BlobPath(layer.BlobDigest), cancellationToken);
            }

            directories.Add(cache.LayerDirectory(layer.DiffId));
        }

        return directories;
    }

    /// <summary>Stores a layer tar written by a step: into the node's cache (unpacked) and the target repository.</summary>
    public async Task<LayerReference> PublishAsync(WrittenLayer written, string repository, CancellationToken cancellationToken)
    {
        await cache.EnsureBlobAsync(written.Digest, (temporary, _) =>
        {
            File.Move(written.Path, temporary);
            return Task.CompletedTask;
        }, cancellationToken);
        await cache.EnsureLayerAsync(written.Digest, cache.BlobPath(written.Digest), cancellationToken);
        await using (var blob = File.OpenRead(cache.BlobPath(written.Digest)))
        {
            await registry.PushBlobAsync(repository, written.Digest, blob, cancellationToken);
        }

        return new LayerReference(written.Digest, written.Digest, written.Size, MediaTypes.OciLayerTar, repository);
    }

    /// <summary>Makes a cached layer visible in <paramref name="repository"/>; false when its blob is gone from the store.</summary>
    public async Task<bool> LinkAsync(LayerReference layer, string repository, CancellationToken cancellationToken)
    {
        if (await registry.BlobExistsAsync(repository, layer.BlobDigest, cancellationToken))
        {
            return true;
        }

        if (layer.Repository != repository && await registry.MountBlobAsync(repository, layer.BlobDigest, layer.Repository, cancellationToken))
        {
            return true;
        }

        if (cache.HasBlob(layer.BlobDigest))
        {
            await using var blob = File.OpenRead(cache.BlobPath(layer.BlobDigest));
            await registry.PushBlobAsync(repository, layer.BlobDigest, blob, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>Pushes the config and the manifest under the tag; returns the manifest digest.</summary>
    public async Task<Digest> PushImageAsync(ImageState state, ImageReference tag, CancellationToken cancellationToken)
    {
        foreach (var layer in state.Layers)
        {
            if (!await LinkAsync(layer, tag.Repository, cancellationToken))
            {
                throw new BuildFailedException($"layer {layer.BlobDigest} is no longer in the image store");
            }
        }

        var config = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(state.ToImageConfig(), OciJsonContext.Writer.ImageConfig);
        var configDigest = Digest.Compute(config);
        await using (var configStream = new MemoryStream(config))
        {
            await registry.PushBlobAsync(tag.Repository, configDigest, configStream, cancellationToken);
        }

        var manifest = ManifestDocument.From(new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor { MediaType = MediaTypes.OciConfig, Digest = configDigest.ToString(), Size = config.LongLength },
            Layers = state.Layers.Select(l => new Descriptor { MediaType = l.MediaType, Digest = l.BlobDigest.ToString(), Size = l.Size }).ToList(),
        });
        return await registry.PushManifestAsync(tag.Repository, tag.Tag ?? "latest", manifest, cancellationToken);
    }
}
