using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// Compresses the header blocks this side sends: one zlib stream per direction of a session, each block
/// ended by a sync flush so the peer can decode it alone. The stream's header declares SPDY's dictionary
/// (FDICT), as the peer's decompressor requires; the deflater itself never refers to it (.NET's deflate
/// takes no preset dictionary), which is valid: a reference into the dictionary is allowed, not needed.
/// </summary>
public sealed class SpdyHeaderCompressor : IDisposable
{
    // CMF 0x78: deflate with a 32 KiB window; FLG 0xBB: default level, FDICT set, check bits (0x78BB % 31 == 0).
    private static readonly byte[] ZlibHeader = [0x78, 0xBB];

    private readonly MemoryStream output = new();
    private readonly DeflateStream deflater;
    private bool started;

    public SpdyHeaderCompressor() => deflater = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);

    public byte[] Compress(SpdyHeaderBlock headers)
    {
        output.SetLength(0);
        if (!started)
        {
            output.Write(ZlibHeader);
            Span<byte> dictionaryId = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(dictionaryId, SpdyHeaderDictionary.Adler32);
            output.Write(dictionaryId);
            started = true;
        }

        deflater.Write(headers.Encode());
        // DeflateStream.Flush is a zlib sync flush: everything written so far, byte-aligned, ending in 00 00 FF FF.
        deflater.Flush();
        return output.ToArray();
    }

    public void Dispose()
    {
        deflater.Dispose();
        output.Dispose();
    }
}
