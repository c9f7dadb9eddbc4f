using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.GarbageCollection;

/// <summary>
/// The mark phase: every blob some manifest of some repository references — the manifests
/// themselves, their configs and layers, and the child manifests of indexes.
/// </summary>
public sealed class ReferenceMarker(RepositoryStore repositories, BlobStore blobs)
{
    public async Task<HashSet<Digest>> MarkAsync(CancellationToken cancellationToken)
    {
        var referenced = new HashSet<Digest>();
        foreach (var name in repositories.Names())
        {
            var repository = RepositoryName.Parse(name);
            foreach (var manifest in repositories.Manifests(repository))
            {
                referenced.Add(manifest);
                await MarkReferencesAsync(repository, manifest, referenced, cancellationToken);
            }
        }

        return referenced;
    }

    private async Task MarkReferencesAsync(RepositoryName repository, Digest manifest, HashSet<Digest> referenced, CancellationToken cancellationToken)
    {
        if (await repositories.ManifestMediaTypeAsync(repository, manifest, cancellationToken) is not { } mediaType)
        {
            return;
        }

        var document = ManifestDocument.Parse(await blobs.ReadAsync(manifest, cancellationToken), mediaType);
        referenced.UnionWith(document.Blobs);
        referenced.UnionWith(document.Children);
    }
}
