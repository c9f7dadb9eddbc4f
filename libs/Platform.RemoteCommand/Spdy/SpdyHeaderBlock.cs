using System.Buffers.Binary;
using System.Text;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// A SPDY/3 name/value header block before compression: a 32-bit count, then per pair a 32-bit length and
/// the lower-case name, a 32-bit length and the value (several values of one name joined by NUL).
/// </summary>
public sealed class SpdyHeaderBlock
{
    private const int MaxPairs = 1024;
    private const int MaxLength = 64 * 1024;

    public static readonly SpdyHeaderBlock Empty = new([]);

    public SpdyHeaderBlock(IReadOnlyList<KeyValuePair<string, string>> pairs) => Pairs = pairs;

    /// <summary>In the order they were sent; names are lower case on the wire.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The value of a header (names compare case-insensitively, as HTTP's), or null.</summary>
    public string? this[string name] =>
        Pairs.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        WriteLength(buffer, Pairs.Count);
        foreach (var (name, value) in Pairs)
        {
            WriteString(buffer, name.ToLowerInvariant());
            WriteString(buffer, value);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a block from a source that yields exactly the bytes asked for (the decompressor).</summary>
    public static SpdyHeaderBlock Decode(Func<int, byte[]> readExactly)
    {
        var count = ReadLength(readExactly, MaxPairs, "header count");
        var pairs = new List<KeyValuePair<string, string>>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Encoding.UTF8.GetString(readExactly(ReadLength(readExactly, MaxLength, "header name length")));
            var value = Encoding.UTF8.GetString(readExactly(ReadLength(readExactly, MaxLength, "header value length")));
            pairs.Add(new(name, value));
        }

        return new SpdyHeaderBlock(pairs);
    }

    public override string ToString() => string.Join(", ", Pairs.Select(p => $"{p.Key}={p.Value}"));

    private static int ReadLength(Func<int, byte[]> readExactly, int max, string what)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(readExactly(4));
        return length <= max ? (int)length : throw new SpdyProtocolException($"SPDY {what} {length} is over {max}");
    }

    private static void WriteLength(Stream buffer, int length)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)length);
        buffer.Write(bytes);
    }

    private static void WriteString(Stream buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteLength(buffer, bytes.Length);
        buffer.Write(bytes);
    }
}
