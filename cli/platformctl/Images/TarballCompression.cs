namespace Platform.Cli.Images;

/// <summary>How a root filesystem tarball is compressed, told by its first bytes (not its name).</summary>
internal enum TarballCompression
{
    None,
    Gzip,
    Zstd,
    Bzip2,
    Xz,
}

internal static class TarballCompressions
{
    private static readonly (TarballCompression Compression, byte[] Magic)[] Signatures =
    [
        (TarballCompression.Gzip, [0x1f, 0x8b]),
        (TarballCompression.Zstd, [0x28, 0xb5, 0x2f, 0xfd]),
        (TarballCompression.Bzip2, "BZh"u8.ToArray()),
        (TarballCompression.Xz, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]),
    ];

    public static async Task<TarballCompression> DetectAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[6];
        int read;
        await using (var file = File.OpenRead(path))
        {
            read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read == 0)
        {
            throw new CliException($"{path} is empty; a root filesystem tarball is needed");
        }

        return Detect(head.AsSpan(0, read));
    }

    public static TarballCompression Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (compression, magic) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return compression;
            }
        }

        return TarballCompression.None;
    }
}
