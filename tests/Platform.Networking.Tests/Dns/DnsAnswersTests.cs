using System.Net;
using Platform.Networking.Dns;

namespace Platform.Networking.Tests.Dns;

/// <summary>Queries as a stub resolver sends them, answers checked byte by byte where it matters.</summary>
public sealed class DnsAnswersTests
{
    private static readonly Names Known = new(new Dictionary<string, IPAddress> { ["web"] = IPAddress.Parse("10.88.0.5") });

    [Fact]
    public void A_known_name_gets_one_authoritative_A_record()
    {
        var answer = DnsAnswers.Respond(Query(0x1234, "WEB", DnsMessage.TypeA), Known)!;

        Assert.Equal([0x12, 0x34], answer[..2]);
        Assert.Equal(0x85, answer[2]); // QR, AA, RD copied
        Assert.Equal(0x00, answer[3] & 0x0f); // NOERROR
        Assert.Equal(1, (answer[6] << 8) | answer[7]); // one answer
        Assert.Equal([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, 10, 88, 0, 5], answer[^16..]);
    }

    [Fact]
    public void Another_record_type_of_a_known_name_is_an_empty_answer()
    {
        var answer = DnsAnswers.Respond(Query(1, "web", type: 28), Known)!;

        Assert.Equal(0, answer[3] & 0x0f);
        Assert.Equal(0, (answer[6] << 8) | answer[7]);
    }

    [Fact]
    public void An_unknown_name_is_NXDOMAIN_and_nothing_is_forwarded()
    {
        var answer = DnsAnswers.Respond(Query(2, "example.com", DnsMessage.TypeA), Known)!;

        Assert.Equal(DnsMessage.NameError, answer[3] & 0x0f);
        Assert.Equal(0, (answer[6] << 8) | answer[7]);
    }

    [Fact]
    public void A_truncated_query_gets_FORMERR_and_a_tiny_one_nothing()
    {
        var query = Query(3, "web", DnsMessage.TypeA);

        Assert.Equal(DnsMessage.FormatError, DnsAnswers.Respond(query[..15], Known)![3] & 0x0f);
        Assert.Null(DnsAnswers.Respond(query[..5], Known));
    }

    internal static byte[] Query(ushort id, string name, ushort type)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. bytes];
    }

    internal sealed class Names(Dictionary<string, IPAddress> table) : IDnsNames
    {
        public IPAddress? Resolve(string name) => table.GetValueOrDefault(name);
    }
}
