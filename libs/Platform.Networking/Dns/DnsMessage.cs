using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Platform.Networking.Dns;

/// <summary>One DNS question: the name asked (lower case, no trailing dot) and the record type.</summary>
public sealed record DnsQuestion(ushort Id, ushort Flags, string Name, ushort Type, ushort Class, int QuestionEnd);

/// <summary>Reads a query and writes its answer (RFC 1035): just what a stub resolver's A/AAAA lookups need. Pure code.</summary>
public static class DnsMessage
{
    public const ushort TypeA = 1;
    public const ushort ClassIn = 1;
    public const int NoError = 0;
    public const int FormatError = 1;
    public const int NameError = 3;
    public const int Refused = 5;

    /// <summary>The largest answer over UDP without EDNS (RFC 1035, 4.2.1).</summary>
    private const int MaxUdpAnswer = 512;

    /// <summary>A compressed-name A record: pointer, type, class, TTL, length and 4 address bytes.</summary>
    private const int RecordLength = 16;

    /// <summary>The question of a standard query with exactly one question, or null for anything else.</summary>
    public static DnsQuestion? ReadQuestion(ReadOnlySpan<byte> query)
    {
        if (query.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1 || (query[2] & 0x80) != 0)
        {
            return null;
        }

        var labels = new List<string>();
        var offset = 12;
        while (offset < query.Length && query[offset] != 0)
        {
            var length = query[offset];
            if (length > 63 || offset + 1 + length >= query.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(query.Slice(offset + 1, length)).ToLowerInvariant());
            offset += 1 + length;
        }

        if (offset + 5 > query.Length)
        {
            return null;
        }

        return new DnsQuestion(
            BinaryPrimitives.ReadUInt16BigEndian(query),
            BinaryPrimitives.ReadUInt16BigEndian(query[2..]),
            string.Join('.', labels),
            BinaryPrimitives.ReadUInt16BigEndian(query[(offset + 1)..]),
            BinaryPrimitives.ReadUInt16BigEndian(query[(offset + 3)..]),
            offset + 5);
    }

    /// <summary>
    /// The answer to <paramref name="question"/>: the question echoed, then one A record per address in
    /// <paramref name="addresses"/>, as many as fit in a 512-byte UDP answer (a stub resolver takes what
    /// it got; there is no TCP fallback). <paramref name="responseCode"/> is NoError, NameError...
    /// </summary>
    public static byte[] Answer(ReadOnlySpan<byte> query, DnsQuestion question, int responseCode, IReadOnlyList<IPAddress> addresses, uint ttlSeconds)
    {
        var count = Math.Min(addresses.Count, Math.Max(0, (MaxUdpAnswer - question.QuestionEnd) / RecordLength));
        var response = new byte[question.QuestionEnd + (count * RecordLength)];
        query[..question.QuestionEnd].CopyTo(response);
        // QR=1, the opcode and RD copied, AA=1 (this server is the authority for cluster names), RA=0.
        var flags = (ushort)(0x8000 | (question.Flags & 0x7900) | 0x0400 | responseCode);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(6), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(10), 0);
        for (var i = 0; i < count; i++)
        {
            var record = response.AsSpan(question.QuestionEnd + (i * RecordLength));
            BinaryPrimitives.WriteUInt16BigEndian(record, 0xC00C);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], TypeA);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], ClassIn);
            BinaryPrimitives.WriteUInt32BigEndian(record[6..], ttlSeconds);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], 4);
            addresses[i].GetAddressBytes().CopyTo(record[12..]);
        }

        return response;
    }

    /// <summary>The answer with at most one A record (null: none).</summary>
    public static byte[] Answer(ReadOnlySpan<byte> query, DnsQuestion question, int responseCode, IPAddress? address, uint ttlSeconds) =>
        Answer(query, question, responseCode, address is null ? [] : [address], ttlSeconds);

    /// <summary>A FORMERR for a query that could not be read, when at least its id can be echoed.</summary>
    public static byte[]? FormatErrorFor(ReadOnlySpan<byte> query)
    {
        if (query.Length < 12)
        {
            return null;
        }

        var response = new byte[12];
        query[..2].CopyTo(response);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), (ushort)(0x8000 | FormatError));
        return response;
    }
}
