using System.Diagnostics;
using Platform.ImageStore.Hosting;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.GarbageCollection;

/// <summary>
/// Removes blobs no manifest references and uploads nobody continued. Anything used within the
/// grace period is spared, because a push uploads its blobs before the manifest that references
/// them: a blob that is unreferenced now may be referenced a moment later.
/// </summary>
public sealed partial class GarbageCollector(
    ReferenceMarker marker,
    BlobStore blobs,
    RepositoryStore repositories,
    UploadStore uploads,
    StoreLayout layout,
    StoreLock storeLock,
    ImageStoreSettings settings,
    TimeProvider clock,
    ILogger<GarbageCollector> logger)
{
    public async Task<CollectionReport> CollectAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.GarbageCollectionGrace;
        (int Deleted, long Freed, int Kept) blobSweep;
        using (await storeLock.HoldAsync(cancellationToken))
        {
            var referenced = await marker.MarkAsync(cancellationToken);
            blobSweep = SweepBlobs(referenced, cutoff);
            UnlinkCollectedBlobs();
        }

        var uploadsRemoved = uploads.RemoveAbandoned(cutoff);
        RemoveStaleTemporaryFiles(cutoff);
        var report = new CollectionReport(blobSweep.Deleted, blobSweep.Freed, blobSweep.Kept, uploadsRemoved, started.ElapsedMilliseconds);
        LogCollected(logger, report.BlobsDeleted, report.BytesFreed, report.BlobsKept, report.UploadsRemoved, report.DurationMs);
        return report;
    }

    private (int Deleted, long Freed, int Kept) SweepBlobs(HashSet<Distribution.Digest> referenced, DateTime cutoff)
    {
        int deleted = 0, kept = 0;
        long freed = 0;
        foreach (var (digest, lastUsed, size) in blobs.List().ToList())
        {
            if (referenced.Contains(digest) || lastUsed >= cutoff)
            {
                kept++;
                continue;
            }

            blobs.Delete(digest);
            deleted++;
            freed += size;
        }

        return (deleted, freed, kept);
    }

    /// <summary>Repository links to blobs that were collected would otherwise promise content that is gone.</summary>
    private void UnlinkCollectedBlobs()
    {
        foreach (var name in repositories.Names())
        {
            var repository = Distribution.RepositoryName.Parse(name);
            foreach (var digest in repositories.LinkedBlobs(repository).Where(d => !blobs.Exists(d)).ToList())
            {
                repositories.UnlinkBlob(repository, digest);
            }
        }
    }

    /// <summary>Temporary files left by a crash in the middle of a write.</summary>
    private void RemoveStaleTemporaryFiles(DateTime cutoff)
    {
        foreach (var file in new DirectoryInfo(layout.Temporary).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff))
        {
            file.Delete();
        }
    }

    [LoggerMessage(LogLevel.Information, "Garbage collection: {BlobsDeleted} blobs deleted ({BytesFreed} bytes), {BlobsKept} kept, {UploadsRemoved} abandoned uploads removed in {DurationMs} ms")]
    private static partial void LogCollected(ILogger logger, int blobsDeleted, long bytesFreed, int blobsKept, int uploadsRemoved, long durationMs);
}
