using System.Net;

namespace Platform.Networking.Dns;

/// <summary>
/// What the DNS responder knows: the address of a name, or null. Pod names and Service names are served
/// through it (<see cref="DnsNameChain"/> asks several).
/// </summary>
public interface IDnsNames
{
    IPAddress? Resolve(string name);

    /// <summary>Every address of a name (a headless Service has one per ready pod); none when unknown.</summary>
    IReadOnlyList<IPAddress> ResolveAll(string name) => Resolve(name) is { } address ? [address] : [];
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
            return DnsMessage.Answer(query, question, DnsMessage.Refused, [], 0);
        }

        // Nothing is forwarded: a name that is not a pod here gets NXDOMAIN, so no query leaves the machine.
        var addresses = names.ResolveAll(question.Name);
        return addresses.Count == 0
            ? DnsMessage.Answer(query, question, DnsMessage.NameError, [], 0)
            : DnsMessage.Answer(query, question, DnsMessage.NoError, question.Type == DnsMessage.TypeA ? addresses : [], TtlSeconds);
    }
}
