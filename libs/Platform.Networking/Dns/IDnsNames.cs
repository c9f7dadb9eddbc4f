using System.Net;

namespace Platform.Networking.Dns;

/// <summary>
/// What the DNS responder knows: the address of a name, or null. The seam where pod names are served
/// today and Service names can be added later.
/// </summary>
public interface IDnsNames
{
    IPAddress? Resolve(string name);
}

/// <summary>How a name lookup is answered: an A record for a known name, an empty answer for other types of it, NXDOMAIN otherwise.</summary>
public static class DnsAnswers
{
    private const uint TtlSeconds = 5;

    public static byte[]? Respond(ReadOnlySpan<byte> query, IDnsNames names)
    {
        if (DnsMessage.ReadQuestion(query) is not { } question)
        {
            return DnsMessage.FormatErrorFor(query);
        }

        if (question.Class != DnsMessage.ClassIn)
        {
            return DnsMessage.Answer(query, question, DnsMessage.Refused, null, 0);
        }

        // Nothing is forwarded: a name that is not a pod here gets NXDOMAIN, so no query leaves the machine.
        return names.Resolve(question.Name) is not { } address
            ? DnsMessage.Answer(query, question, DnsMessage.NameError, null, 0)
            : DnsMessage.Answer(query, question, DnsMessage.NoError, question.Type == DnsMessage.TypeA ? address : null, TtlSeconds);
    }
}
