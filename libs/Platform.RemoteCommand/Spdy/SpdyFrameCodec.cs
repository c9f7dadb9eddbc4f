using System.Buffers.Binary;

namespace Platform.RemoteCommand.Spdy;

/// <summary>Frame bodies to and from bytes; the framer reads the 8-byte heads and moves the bytes.</summary>
public static class SpdyFrameCodec
{
    public const byte FlagFin = 0x01;
    public const byte FlagUnidirectional = 0x02;

    private const ushort SynStream = 1;
    private const ushort SynReply = 2;
    private const ushort RstStream = 3;
    private const ushort Settings = 4;
    private const ushort Ping = 6;
    private const ushort GoAway = 7;
    private const ushort Headers = 8;
    private const ushort WindowUpdate = 9;

    public static SpdyFrame ReadControl(ushort version, ushort type, byte flags, ReadOnlySpan<byte> body, SpdyHeaderDecompressor decompressor)
    {
        if (version != SpdyFramer.Version)
        {
            throw new SpdyProtocolException($"SPDY version {version} is not spoken (only 3)");
        }

        var fin = (flags & FlagFin) != 0;
        return type switch
        {
            SynStream => new SpdySynStreamFrame(
                StreamId(Need(body, 10, type)), StreamId(body[4..]), (byte)(body[8] >> 5), fin, (flags & FlagUnidirectional) != 0,
                decompressor.Decompress(body[10..])),
            SynReply => new SpdySynReplyFrame(StreamId(Need(body, 4, type)), fin, decompressor.Decompress(body[4..])),
            RstStream => new SpdyRstStreamFrame(StreamId(Need(body, 8, type)), (SpdyResetStatus)UInt32(body[4..])),
            Settings => ReadSettings(Need(body, 4, type)),
            Ping => new SpdyPingFrame(UInt32(Need(body, 4, type))),
            GoAway => new SpdyGoAwayFrame(StreamId(Need(body, 8, type)), UInt32(body[4..])),
            Headers => new SpdyHeadersFrame(StreamId(Need(body, 4, type)), fin, decompressor.Decompress(body[4..])),
            WindowUpdate => new SpdyWindowUpdateFrame(StreamId(Need(body, 8, type)), UInt32(body[4..]) & 0x7FFFFFFF),
            _ => new SpdyUnknownFrame(type),
        };
    }

    public static byte[] Encode(SpdyFrame frame, SpdyHeaderCompressor compressor) => frame switch
    {
        SpdyDataFrame data => Data(data),
        SpdySynStreamFrame syn => Control(SynStream, Flags(syn.Fin) | (syn.Unidirectional ? FlagUnidirectional : 0),
            [.. Words(syn.StreamId, syn.AssociatedStreamId), (byte)(syn.Priority << 5), 0, .. compressor.Compress(syn.Headers)]),
        SpdySynReplyFrame reply => Control(SynReply, Flags(reply.Fin), [.. Words(reply.StreamId), .. compressor.Compress(reply.Headers)]),
        SpdyRstStreamFrame reset => Control(RstStream, 0, Words(reset.StreamId, (uint)reset.Status)),
        SpdySettingsFrame settings => Control(Settings, 0, [.. Words((uint)settings.Entries.Count), .. settings.Entries.SelectMany(e => Words(e.Key & 0xFFFFFF, e.Value))]),
        SpdyPingFrame ping => Control(Ping, 0, Words(ping.Id)),
        SpdyGoAwayFrame goAway => Control(GoAway, 0, Words(goAway.LastGoodStreamId, goAway.Status)),
        SpdyHeadersFrame headers => Control(Headers, Flags(headers.Fin), [.. Words(headers.StreamId), .. compressor.Compress(headers.Headers)]),
        SpdyWindowUpdateFrame update => Control(WindowUpdate, 0, Words(update.StreamId, update.Delta)),
        _ => throw new ArgumentException($"{frame.GetType().Name} cannot be sent", nameof(frame)),
    };

    private static byte[] Data(SpdyDataFrame data)
    {
        if (data.Data.Length > SpdyFramer.MaxDataLength)
        {
            throw new ArgumentException($"a SPDY data frame holds at most {SpdyFramer.MaxDataLength} bytes", nameof(data));
        }

        var bytes = new byte[8 + data.Data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, data.StreamId & 0x7FFFFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), ((uint)Flags(data.Fin) << 24) | (uint)data.Data.Length);
        data.Data.Span.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static byte[] Control(ushort type, int flags, byte[] body)
    {
        var bytes = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x80000000 | ((uint)SpdyFramer.Version << 16) | type);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), ((uint)flags << 24) | (uint)body.Length);
        body.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static SpdySettingsFrame ReadSettings(ReadOnlySpan<byte> body)
    {
        var count = UInt32(body);
        if (body.Length < 4 + ((long)count * 8))
        {
            throw new SpdyProtocolException($"a SPDY SETTINGS frame announces {count} entries but holds fewer");
        }

        var entries = new List<KeyValuePair<uint, uint>>((int)count);
        for (var i = 0; i < count; i++)
        {
            var entry = body[(4 + (i * 8))..];
            entries.Add(new(UInt32(entry) & 0xFFFFFF, UInt32(entry[4..])));
        }

        return new SpdySettingsFrame(entries);
    }

    private static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> body, int length, ushort type) =>
        body.Length >= length ? body : throw new SpdyProtocolException($"a SPDY control frame of type {type} is {body.Length} bytes, too short");

    private static byte Flags(bool fin) => fin ? FlagFin : (byte)0;

    private static uint StreamId(ReadOnlySpan<byte> bytes) => UInt32(bytes) & 0x7FFFFFFF;

    private static uint UInt32(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return bytes;
    }
}
