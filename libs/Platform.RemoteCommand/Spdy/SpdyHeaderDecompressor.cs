using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// Decompresses the header blocks the peer sends: one zlib stream across all its blocks, whose window
/// starts with SPDY's dictionary. .NET's inflater takes no preset dictionary, so the raw deflate stream is
/// primed with a stored (uncompressed) block holding the dictionary: inflating it puts the dictionary in
/// the window exactly as a preset would, and its output is read and dropped before the first block.
/// </summary>
public sealed class SpdyHeaderDecompressor : IDisposable
{
    private readonly BlockFeed feed = new();
    private readonly DeflateStream inflater;
    private bool started;

    public SpdyHeaderDecompressor() => inflater = new DeflateStream(feed, CompressionMode.Decompress, leaveOpen: true);

    public SpdyHeaderBlock Decompress(ReadOnlySpan<byte> block)
    {
        if (!started)
        {
            block = SkipZlibHeader(block);
            feed.Add(StoredDictionaryBlock());
            feed.Add(block.ToArray());
            ReadExactly(SpdyHeaderDictionary.Bytes.Length);
            started = true;
        }
        else
        {
            feed.Add(block.ToArray());
        }

        // What the inflater leaves of the block (the sync flush's empty stored block) stays queued for it.
        return SpdyHeaderBlock.Decode(ReadExactly);
    }

    public void Dispose()
    {
        inflater.Dispose();
        feed.Dispose();
    }

    private static ReadOnlySpan<byte> SkipZlibHeader(ReadOnlySpan<byte> block)
    {
        if (block.Length < 2 || (block[0] & 0x0F) != 8 || ((block[0] << 8) | block[1]) % 31 != 0)
        {
            throw new SpdyProtocolException("the first SPDY header block does not start a zlib stream");
        }

        if ((block[1] & 0x20) == 0)
        {
            return block[2..];
        }

        if (block.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(block[2..]) != SpdyHeaderDictionary.Adler32)
        {
            throw new SpdyProtocolException("the SPDY header stream names a dictionary other than SPDY/3's");
        }

        return block[6..];
    }

    /// <summary>A non-final stored deflate block holding the dictionary: BFINAL 0, BTYPE 00, LEN, NLEN, bytes.</summary>
    private static byte[] StoredDictionaryBlock()
    {
        var dictionary = SpdyHeaderDictionary.Bytes;
        var block = new byte[5 + dictionary.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(1), (ushort)dictionary.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(3), (ushort)~dictionary.Length);
        dictionary.CopyTo(block.AsSpan(5));
        return block;
    }

    private byte[] ReadExactly(int count)
    {
        var bytes = new byte[count];
        try
        {
            inflater.ReadExactly(bytes);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new SpdyProtocolException("a SPDY header block is truncated or not valid deflate data", e);
        }

        return bytes;
    }

    /// <summary>The compressed bytes handed to the inflater; it reads end of input when a block is used up.</summary>
    private sealed class BlockFeed : Stream
    {
        private readonly Queue<byte[]> pending = new();
        private int offset;

        public void Add(byte[] bytes) => pending.Enqueue(bytes);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (pending.TryPeek(out var head))
            {
                var n = Math.Min(buffer.Length, head.Length - offset);
                if (n > 0)
                {
                    head.AsSpan(offset, n).CopyTo(buffer);
                    offset += n;
                    return n;
                }

                pending.Dequeue();
                offset = 0;
            }

            return 0;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
