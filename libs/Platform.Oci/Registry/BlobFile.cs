using Platform.Oci.References;

namespace Platform.Oci.Registry;

/// <summary>Copies a blob stream to a file while hashing it, so it is verified without being held in memory or read twice.</summary>
internal static class BlobFile
{
    private const int BufferSize = 128 * 1024;

    public static async Task WriteVerifiedAsync(
        Stream source, Digest digest, long? expectedSize, string destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var hasher = DigestHasher.For(digest);
        await using (var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hasher.Append(buffer.AsSpan(0, read));
                if (hasher.BytesHashed > expectedSize)
                {
                    throw new DigestMismatchException(digest, hasher.Complete(), $"blob {digest} (more than the {expectedSize} bytes announced)");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(hasher.BytesHashed);
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        var actual = hasher.Complete();
        if (actual != digest)
        {
            throw new DigestMismatchException(digest, actual, $"blob {digest}");
        }
    }
}
