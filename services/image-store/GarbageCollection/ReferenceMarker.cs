using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.GarbageCollection;

/// <summary>
/// The mark phase: every blob some manifest of some repository references — the manifests
/// themselves, their configs and layers, and the child manifests of indexes with everything those
/// reference in turn (even a child no repository links any more: its index still needs it).
/// </summary>
public sealed class ReferenceMarker(RepositoryStore repositories, BlobStore blobs)
{
    public async Task<HashSet<Digest>> MarkAsync(CancellationToken cancellationToken)
    {
        var referenced = new HashSet<Digest>();
        var pending = new Queue<(Digest Manifest, string? MediaType)>();
        foreach (var name in repositories.Names())
        {
            var repository = RepositoryName.Parse(name);
            foreach (var manifest in repositories.Manifests(repository))
            {
                pending.Enqueue((manifest, await repositories.ManifestMediaTypeAsync(repository, manifest, cancellationToken)));
            }
        }

        while (pending.TryDequeue(out var next))
        {
            if (referenced.Add(next.Manifest) || next.MediaType is not null)
            {
                await MarkReferencesAsync(next.Manifest, next.MediaType, referenced, pending, cancellationToken);
            }
        }

        return referenced;
    }

    private async Task MarkReferencesAsync(
        Digest manifest, string? mediaType, HashSet<Digest> referenced, Queue<(Digest, string?)> pending, CancellationToken cancellationToken)
    {
        if (ReadManifest(await ReadAsync(manifest, cancellationToken), mediaType) is not { } document)
        {
            return;
        }

        referenced.UnionWith(document.Blobs);
        foreach (var child in document.Children.Where(child => !referenced.Contains(child)))
        {
            // A child's media type is the one it declares itself: no repository may link it any more.
            pending.Enqueue((child, null));
        }
    }

    private async Task<byte[]?> ReadAsync(Digest manifest, CancellationToken cancellationToken)
    {
        try
        {
            return await blobs.ReadAsync(manifest, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The manifest's references, or null when it cannot be read as a manifest (then only it is kept).</summary>
    private static ManifestDocument? ReadManifest(byte[]? content, string? mediaType)
    {
        try
        {
            return content is null ? null : ManifestDocument.Parse(content, mediaType);
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}
