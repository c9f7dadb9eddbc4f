using System.Security.Cryptography;
using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Storage;

/// <summary>
/// One blob upload in progress: its data file, how many bytes it holds, and the running sha256 of
/// those bytes, so that finishing an upload of gigabytes needs no second pass over them. Requests
/// on the same upload take turns through its lock.
/// </summary>
public sealed class UploadSession(string id, RepositoryName repository, string folder, long size, DateTime lastActivityUtc)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public string Id { get; } = id;

    public RepositoryName Repository { get; } = repository;

    public string Folder { get; } = folder;

    public string DataPath => Path.Combine(Folder, UploadFiles.Data);

    public long Size { get; set; } = size;

    /// <summary>The hash of the first <see cref="Size"/> bytes; null when it must be rebuilt from the data file.</summary>
    public IncrementalHash? Hash { get; set; }

    public DateTime LastActivityUtc { get; set; } = lastActivityUtc;

    /// <summary>Set once the upload was finished or cancelled: a request that waited for its turn then finds nothing.</summary>
    public bool Closed { get; set; }

    public async Task<IDisposable> TakeTurnAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    /// <summary>A turn only if nobody is using the upload right now (garbage collection never waits).</summary>
    public IDisposable? TryTakeTurn() => turn.Wait(0) ? new Turn(turn) : null;

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
