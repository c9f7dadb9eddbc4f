namespace Platform.ApiGateway.Api.Protobuf;

/// <summary>Reads protobuf's wire format: (field, wire type) tags, varints and length-delimited fields; skips the rest.</summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public readonly bool AtEnd => position >= data.Length;

    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("a protobuf varint is longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        if (length < 0 || position + length > data.Length)
        {
            throw new FormatException("a protobuf field runs past the end of the message");
        }

        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: Advance(8); break;
            case 2: ReadBytes(); break;
            case 5: Advance(4); break;
            default: throw new FormatException($"unsupported protobuf wire type {wireType}");
        }
    }

    private byte Next() => position < data.Length ? data[position++] : throw new FormatException("a protobuf message ends in the middle of a field");

    private void Advance(int count)
    {
        if (position + count > data.Length)
        {
            throw new FormatException("a protobuf field runs past the end of the message");
        }

        position += count;
    }
}
