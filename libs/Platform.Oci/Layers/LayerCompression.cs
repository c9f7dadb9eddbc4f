using System.IO.Compression;
using Platform.Oci.IO;

namespace Platform.Oci.Layers;

/// <summary>How a layer blob is compressed, told by its magic bytes rather than trusted from the media type.</summary>
public enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

public static class LayerDecompression
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    /// <summary>Reads the first bytes of a seekable blob, then rewinds it.</summary>
    public static async Task<LayerCompression> DetectAsync(Stream blob, CancellationToken cancellationToken)
    {
        if (!blob.CanSeek)
        {
            throw new ArgumentException("the layer blob must be seekable to detect its compression", nameof(blob));
        }
        var start = blob.Position;
        var magic = new byte[ZstdMagic.Length];
        var read = await blob.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken);
        blob.Position = start;
        var head = magic.AsSpan(0, read);
        return head.StartsWith(GzipMagic) ? LayerCompression.Gzip
            : head.StartsWith(ZstdMagic) ? LayerCompression.Zstd
            : LayerCompression.None;
    }

    /// <summary>The decompressed tar stream of <paramref name="blob"/>; disposing it leaves the blob open.</summary>
    public static async Task<Stream> OpenAsync(Stream blob, CancellationToken cancellationToken) =>
        await DetectAsync(blob, cancellationToken) switch
        {
            LayerCompression.Gzip => new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true),
            LayerCompression.Zstd => new ZstdSharp.DecompressionStream(blob, leaveOpen: true),
            _ => new NonClosingStream(blob),
        };
}
