using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>
/// The content-addressed blob files. A blob file only ever appears whole and verified: it is
/// moved into place by rename after its digest was checked and its bytes flushed to disk.
/// </summary>
public sealed class BlobStore(StoreLayout layout, TimeProvider clock)
{
    public string PathOf(Digest digest) => layout.Blob(digest);

    public bool Exists(Digest digest) => File.Exists(layout.Blob(digest));

    public long? SizeOf(Digest digest)
    {
        var file = new FileInfo(layout.Blob(digest));
        return file.Exists ? file.Length : null;
    }

    /// <summary>Moves a verified, flushed file into place as the blob with this digest.</summary>
    public void Adopt(string verifiedFile, Digest digest)
    {
        var target = layout.Blob(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(verifiedFile, target, overwrite: true);
        // The file's time is that of its last chunk, which may be old: the grace period starts now.
        Touch(digest);
    }

    public Task WriteAsync(Digest digest, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(layout, layout.Blob(digest), content, cancellationToken);

    public Task<byte[]> ReadAsync(Digest digest, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(layout.Blob(digest), cancellationToken);

    /// <summary>
    /// Marks a blob as just used, so that garbage collection, which spares recent blobs, does not take
    /// it between a client's check that it exists and the manifest that will reference it.
    /// </summary>
    public void Touch(Digest digest)
    {
        try
        {
            File.SetLastWriteTimeUtc(layout.Blob(digest), clock.GetUtcNow().UtcDateTime);
        }
        catch (FileNotFoundException)
        {
            // Collected in the meantime: the caller's next existence check will say so.
        }
    }

    public void Delete(Digest digest) => File.Delete(layout.Blob(digest));

    /// <summary>Every blob on disk with the time it was last written or touched.</summary>
    public IEnumerable<(Digest Digest, DateTime LastUsedUtc, long Size)> List()
    {
        foreach (var file in new DirectoryInfo(layout.Blobs).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (Digest.TryFromHex(file.Name, out var digest))
            {
                yield return (digest, file.LastWriteTimeUtc, file.Length);
            }
        }
    }
}
