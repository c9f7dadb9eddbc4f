namespace Platform.ImageStore.GarbageCollection;

/// <summary>What one garbage collection removed.</summary>
public sealed record CollectionReport(int BlobsDeleted, long BytesFreed, int BlobsKept, int UploadsRemoved, long DurationMs);
