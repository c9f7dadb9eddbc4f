using System.Buffers.Binary;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// Reads and writes SPDY/3.1 frames on a byte stream. A control frame is C=1, version 3, type, then flags
/// and a 24-bit length; a data frame is C=0 and the stream id, then flags and length. Header blocks go
/// through one compressor and one decompressor for the whole session, so writes are serialised.
/// </summary>
public sealed class SpdyFramer(Stream transport) : IDisposable
{
    public const ushort Version = 3;
    public const int MaxDataLength = 0xFFFFFF;
    private const int MaxControlLength = 1024 * 1024;

    private readonly SpdyHeaderCompressor compressor = new();
    private readonly SpdyHeaderDecompressor decompressor = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>The next frame, or null when the peer ended the byte stream between frames.</summary>
    public async Task<SpdyFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var head = new byte[8];
        var first = await transport.ReadAtLeastAsync(head, 8, throwOnEndOfStream: false, cancellationToken);
        if (first == 0)
        {
            return null;
        }

        if (first < 8)
        {
            throw new SpdyProtocolException("the SPDY stream ended inside a frame header");
        }

        var word = BinaryPrimitives.ReadUInt32BigEndian(head);
        var flags = head[4];
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4)) & 0xFFFFFF);
        var isControl = (word & 0x80000000) != 0;
        if (isControl && length > MaxControlLength)
        {
            throw new SpdyProtocolException($"a SPDY control frame of {length} bytes is over {MaxControlLength}");
        }

        var payload = new byte[length];
        await transport.ReadExactlyAsync(payload, cancellationToken);
        return isControl
            ? SpdyFrameCodec.ReadControl((ushort)((word >> 16) & 0x7FFF), (ushort)(word & 0xFFFF), flags, payload, decompressor)
            : new SpdyDataFrame(word & 0x7FFFFFFF, (flags & SpdyFrameCodec.FlagFin) != 0, payload);
    }

    public async Task WriteFrameAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // Encoded under the gate: header blocks must reach the wire in the order they were compressed.
            var bytes = SpdyFrameCodec.Encode(frame, compressor);
            await transport.WriteAsync(bytes, cancellationToken);
            await transport.FlushAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public void Dispose()
    {
        compressor.Dispose();
        decompressor.Dispose();
        writeGate.Dispose();
    }
}
