using System.Buffers;
using System.Security.Cryptography;

namespace Platform.ImageStore.Storage;

/// <summary>
/// Streams a request body to a file while hashing it, through one large pooled buffer: the blob is
/// never held whole in memory, and each byte is copied once from the connection into the buffer.
/// </summary>
public static class HashingCopy
{
    /// <summary>Large enough that disk writes and hash updates are few; small enough to pool.</summary>
    public const int BufferSize = 1 << 20;

    public static async Task<long> CopyAsync(Stream source, Stream target, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hashes a whole file: rebuilds an upload's hash state after a restart or a failed chunk.</summary>
    public static async Task<IncrementalHash> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        await CopyAsync(file, Stream.Null, hash, cancellationToken);
        return hash;
    }
}
