using System.Collections.Concurrent;
using System.Security.Cryptography;
using Platform.ImageStore.Distribution;
using Platform.ImageStore.Hosting;

namespace Platform.ImageStore.Storage;

/// <summary>
/// Blob uploads: each streams into its own data file while being hashed, and becomes a blob only
/// when the digest the client names matches, after a flush to disk and an atomic rename. A chunk
/// that fails half-way is rolled back, so an upload always holds exactly the chunks it accepted.
/// Uploads survive a restart of the service (their hash state is rebuilt from the data file).
/// </summary>
public sealed partial class UploadStore
{
    private readonly ConcurrentDictionary<string, UploadSession> sessions = new(StringComparer.Ordinal);
    private readonly StoreLayout layout;
    private readonly BlobStore blobs;
    private readonly TimeProvider clock;
    private readonly int maxOpenUploads;
    private readonly ILogger<UploadStore> logger;

    public UploadStore(StoreLayout layout, BlobStore blobs, TimeProvider clock, ImageStoreSettings settings, ILogger<UploadStore> logger)
    {
        this.layout = layout;
        this.blobs = blobs;
        this.clock = clock;
        this.logger = logger;
        maxOpenUploads = settings.MaxOpenUploads;
        foreach (var session in UploadsOnDisk())
        {
            sessions[session.Id] = session;
        }
    }

    public int Count => sessions.Count;

    public UploadSession Start(RepositoryName repository)
    {
        if (sessions.Count >= maxOpenUploads)
        {
            throw new RegistryException(RegistryError.TooManyUploads(maxOpenUploads));
        }

        var id = Guid.NewGuid().ToString("N");
        var folder = layout.Upload(id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, UploadFiles.Repository), repository.Value);
        File.Create(Path.Combine(folder, UploadFiles.Data)).Dispose();
        var session = new UploadSession(id, repository, folder, 0, clock.GetUtcNow().UtcDateTime)
        {
            Hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        };
        sessions[id] = session;
        return session;
    }

    public UploadSession Find(RepositoryName repository, string id) =>
        sessions.TryGetValue(id, out var session) && session.Repository == repository
            ? session
            : throw new RegistryException(RegistryError.BlobUploadUnknown(id));

    /// <summary>
    /// Appends a chunk. <paramref name="start"/> is where the client says the chunk begins (from
    /// Content-Range) and <paramref name="length"/> how long it says the chunk is.
    /// </summary>
    public async Task AppendAsync(UploadSession session, Stream chunk, long? start, long? length, CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(session, cancellationToken);
        if (start is { } offset && offset != session.Size)
        {
            throw new RegistryException(RegistryError.ChunkOutOfOrder(session.Size, offset));
        }

        var before = session.Size;
        try
        {
            var written = await WriteChunkAsync(session, chunk, cancellationToken);
            if (length is { } declared && declared != written)
            {
                throw new RegistryException(RegistryError.SizeInvalid($"the chunk was declared as {declared} bytes but {written} arrived"));
            }

            session.Size = before + written;
            Hosting.RegistryMetrics.BlobBytesPushed.Add(written);
            session.LastActivityUtc = clock.GetUtcNow().UtcDateTime;
        }
        catch
        {
            RollBack(session, before);
            throw;
        }
    }

    /// <summary>Finishes the upload as the blob <paramref name="expected"/>, or removes it if its content has another digest.</summary>
    public async Task CommitAsync(UploadSession session, Digest expected, CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(session, cancellationToken);
        var actual = Digest.FromHash(session.Hash!.GetCurrentHash());
        if (actual != expected)
        {
            Close(session);
            LogDigestMismatch(logger, session.Repository.Value, expected.ToString(), actual.ToString());
            throw new RegistryException(RegistryError.DigestMismatch(expected, actual));
        }

        DurableFile.Flush(session.DataPath);
        blobs.Adopt(session.DataPath, actual);
        Close(session);
        Hosting.RegistryMetrics.BlobsCommitted.Add(1);
        LogCommitted(logger, session.Repository.Value, actual.ToString(), session.Size);
    }

    public async Task CancelAsync(UploadSession session, CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(session, cancellationToken);
        Close(session);
    }

    /// <summary>Removes uploads nobody touched since <paramref name="cutoffUtc"/>, skipping any in use right now.</summary>
    public int RemoveAbandoned(DateTime cutoffUtc)
    {
        var removed = 0;
        foreach (var session in sessions.Values.Where(s => s.LastActivityUtc < cutoffUtc))
        {
            using var turn = session.TryTakeTurn();
            if (turn is not null && !session.Closed)
            {
                Close(session);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Waits for the upload's turn; rebuilds its hash if a failure or a restart lost it.</summary>
    private static async Task<IDisposable> TakeTurnAsync(UploadSession session, CancellationToken cancellationToken)
    {
        var turn = await session.TakeTurnAsync(cancellationToken);
        try
        {
            if (session.Closed)
            {
                throw new RegistryException(RegistryError.BlobUploadUnknown(session.Id));
            }

            session.Hash ??= await HashingCopy.HashFileAsync(session.DataPath, cancellationToken);
            return turn;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private static async Task<long> WriteChunkAsync(UploadSession session, Stream chunk, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(session.DataPath, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Position = session.Size;
        return await HashingCopy.CopyAsync(chunk, file, session.Hash!, cancellationToken);
    }

    private static void RollBack(UploadSession session, long size)
    {
        using (var file = new FileStream(session.DataPath, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.SetLength(size);
        }

        session.Size = size;
        session.Hash?.Dispose();
        session.Hash = null;
    }

    private void Close(UploadSession session)
    {
        session.Closed = true;
        session.Hash?.Dispose();
        session.Hash = null;
        sessions.TryRemove(session.Id, out _);
        if (Directory.Exists(session.Folder))
        {
            Directory.Delete(session.Folder, recursive: true);
        }
    }

    private IEnumerable<UploadSession> UploadsOnDisk()
    {
        foreach (var folder in new DirectoryInfo(layout.Uploads).EnumerateDirectories())
        {
            var data = new FileInfo(Path.Combine(folder.FullName, UploadFiles.Data));
            var repositoryFile = Path.Combine(folder.FullName, UploadFiles.Repository);
            if (data.Exists && File.Exists(repositoryFile) && RepositoryName.TryParse(File.ReadAllText(repositoryFile), out var repository))
            {
                yield return new UploadSession(folder.Name, repository!, folder.FullName, data.Length, data.LastWriteTimeUtc);
            }
            else
            {
                // Started but never written completely before a crash: nothing a client could continue.
                folder.Delete(recursive: true);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Upload to {Repository} refused: the client said {Expected} but the content is {Actual}; the upload was removed")]
    private static partial void LogDigestMismatch(ILogger logger, string repository, string expected, string actual);

    [LoggerMessage(LogLevel.Debug, "Blob {Digest} ({Size} bytes) uploaded to {Repository}")]
    private static partial void LogCommitted(ILogger logger, string repository, string digest, long size);
}
