namespace Platform.ImageStore.Storage;

/// <summary>
/// Serializes the changes that decide which blobs are referenced (manifest pushes and deletes,
/// mounts) with garbage collection, so that a collection never sees a manifest's blobs checked but
/// the manifest not yet written, and deletes a blob the manifest then references.
/// </summary>
public sealed class StoreLock
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Hold(gate);
    }

    private sealed class Hold(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
