using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>
/// Manifests of the four accepted media types, kept byte for byte in the blob store (their digest
/// is the sha256 of those bytes) and linked from the repository, with tags and referrers beside.
/// A manifest is accepted only when every blob and child manifest it names is in the repository.
/// </summary>
public sealed partial class ManifestStore(
    BlobStore blobs,
    RepositoryStore repositories,
    TagStore tags,
    ReferrerStore referrers,
    StoreLock storeLock,
    ILogger<ManifestStore> logger)
{
    /// <summary>The largest manifest accepted, as distribution and most registries bound it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public async Task<(Digest Digest, ManifestDocument Document)> PutAsync(
        RepositoryName name, Reference reference, ReadOnlyMemory<byte> content, string? contentType, CancellationToken cancellationToken)
    {
        var document = ManifestDocument.Parse(content, contentType);
        var digest = Digest.Of(content.Span);
        if (reference.Digest is { } named && named != digest)
        {
            throw new RegistryException(RegistryError.DigestMismatch(named, digest));
        }

        using (await storeLock.HoldAsync(cancellationToken))
        {
            RequireReferencesPresent(name, document);
            if (!blobs.Exists(digest))
            {
                await blobs.WriteAsync(digest, content, cancellationToken);
            }

            await repositories.LinkManifestAsync(name, digest, document.MediaType, cancellationToken);
            await TagAsync(name, reference, digest, cancellationToken);
            await IndexReferrerAsync(name, digest, content.Length, document, cancellationToken);
        }

        LogPushed(logger, name.Value, reference.ToString(), digest.ToString(), document.MediaType);
        return (digest, document);
    }

    public async Task<StoredManifest?> FindAsync(RepositoryName name, Reference reference, CancellationToken cancellationToken)
    {
        var digest = reference.Digest ?? await tags.ResolveAsync(name, reference.Tag!, cancellationToken);
        if (digest is not { } found || await repositories.ManifestMediaTypeAsync(name, found, cancellationToken) is not { } mediaType)
        {
            return null;
        }

        try
        {
            return new StoredManifest(found, mediaType, await blobs.ReadAsync(found, cancellationToken));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // deleted and collected while being looked up
        }
    }

    /// <summary>Deletes a tag, or a manifest by digest together with every tag pointing to it and its referrers entry.</summary>
    public async Task DeleteAsync(RepositoryName name, Reference reference, CancellationToken cancellationToken)
    {
        if (reference.Tag is { } tag)
        {
            if (!tags.Delete(name, tag))
            {
                throw Unknown(reference);
            }

            return;
        }

        using (await storeLock.HoldAsync(cancellationToken))
        {
            var manifest = await FindAsync(name, reference, cancellationToken) ?? throw Unknown(reference);
            repositories.UnlinkManifest(name, manifest.Digest);
            await tags.DeletePointingToAsync(name, manifest.Digest, cancellationToken);
            if (ManifestDocument.Parse(manifest.Content, manifest.MediaType).Subject is { } subject)
            {
                referrers.Remove(name, subject, manifest.Digest);
            }
        }

        LogDeleted(logger, name.Value, reference.ToString());
    }

    private void RequireReferencesPresent(RepositoryName name, ManifestDocument document)
    {
        var missing = document.Blobs.Where(blob => !repositories.HasBlob(name, blob))
            .Concat(document.Children.Where(child => !repositories.HasManifest(name, child)))
            .Distinct()
            .ToList();
        if (missing.Count > 0)
        {
            throw new RegistryException(RegistryError.ManifestBlobUnknown(missing));
        }
    }

    private async Task TagAsync(RepositoryName name, Reference reference, Digest digest, CancellationToken cancellationToken)
    {
        if (reference.Tag is { } tag)
        {
            await tags.SetAsync(name, tag, digest, cancellationToken);
        }
    }

    private async Task IndexReferrerAsync(RepositoryName name, Digest digest, long size, ManifestDocument document, CancellationToken cancellationToken)
    {
        if (document.Subject is { } subject)
        {
            var descriptor = new Descriptor(document.MediaType, digest.ToString(), size, document.ArtifactType, document.Annotations);
            await referrers.AddAsync(name, subject, descriptor, cancellationToken);
        }
    }

    private static RegistryException Unknown(Reference reference) => new(RegistryError.ManifestUnknown(reference.ToString()));

    [LoggerMessage(LogLevel.Information, "Manifest {Repository}:{Reference} pushed as {Digest} ({MediaType})")]
    private static partial void LogPushed(ILogger logger, string repository, string reference, string digest, string mediaType);

    [LoggerMessage(LogLevel.Information, "Manifest {Repository}:{Reference} deleted")]
    private static partial void LogDeleted(ILogger logger, string repository, string reference);
}
