using System.Formats.Tar;

namespace Platform.Cli.Images;

/// <summary>Reads a tar stream to its end, headers only, for the newest modification time of its entries.</summary>
internal static class TarScanner
{
    private const int DrainBufferSize = 64 * 1024;

    /// <summary>
    /// Whole seconds, so the image's created time does not depend on sub-second header precision;
    /// the Unix epoch for an archive without entries. Every byte of the stream is read, including
    /// the padding after the end-of-archive blocks, so a hash of the stream covers the whole file.
    /// </summary>
    public static async Task<DateTimeOffset> NewestModificationAsync(Stream tar, CancellationToken cancellationToken)
    {
        var newest = DateTimeOffset.UnixEpoch;
        await using (var reader = new TarReader(tar, leaveOpen: true))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.ModificationTime > newest)
                {
                    newest = entry.ModificationTime;
                }
            }
        }

        await DrainAsync(tar, cancellationToken);
        return DateTimeOffset.FromUnixTimeSeconds(newest.ToUnixTimeSeconds());
    }

    public static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[DrainBufferSize];
        while (await stream.ReadAsync(buffer, cancellationToken) > 0)
        {
            // Only the reading matters: the hashing streams underneath see every byte.
        }
    }
}
