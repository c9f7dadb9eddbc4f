using System.Net;
using Platform.Networking.Dns;

namespace Platform.Networking.Tests.Dns;

/// <summary>Several name sources (Services, then pods) and answers with several A records (headless Services).</summary>
public sealed class DnsNameChainTests
{
    [Fact]
    public void The_first_source_that_knows_a_name_answers()
    {
        var services = new DnsAnswersTests.Names(new() { ["web.default"] = IPAddress.Parse("10.96.0.7") });
        var pods = new DnsAnswersTests.Names(new() { ["web.default"] = IPAddress.Parse("10.88.0.5"), ["db"] = IPAddress.Parse("10.88.0.6") });
        var chain = new DnsNameChain(services, pods);

        Assert.Equal([IPAddress.Parse("10.96.0.7")], chain.ResolveAll("web.default"));
        Assert.Equal(IPAddress.Parse("10.88.0.6"), chain.Resolve("db"));
        Assert.Empty(chain.ResolveAll("nothing"));
        Assert.Null(chain.Resolve("nothing"));
    }

    [Fact]
    public void A_name_with_several_addresses_gets_one_A_record_each()
    {
        var names = new Many(["10.88.0.2", "10.88.0.3", "10.88.0.4"]);

        var answer = DnsAnswers.Respond(DnsAnswersTests.Query(9, "web.default.svc.cluster.local", DnsMessage.TypeA), names)!;

        Assert.Equal(3, (answer[6] << 8) | answer[7]);
        Assert.Equal([10, 88, 0, 2], answer[^36..^32]);
        Assert.Equal([10, 88, 0, 3], answer[^20..^16]);
        Assert.Equal([10, 88, 0, 4], answer[^4..]);
    }

    [Fact]
    public void Records_that_would_pass_512_bytes_are_left_out()
    {
        var names = new Many(Enumerable.Range(1, 100).Select(i => $"10.88.0.{i}").ToList());

        var answer = DnsAnswers.Respond(DnsAnswersTests.Query(9, "web.default.svc.cluster.local", DnsMessage.TypeA), names)!;

        Assert.True(answer.Length <= 512, $"{answer.Length} bytes");
        var count = (answer[6] << 8) | answer[7];
        Assert.Equal((512 - 47) / 16, count);
        Assert.Equal(47 + (count * 16), answer.Length);
    }

    private sealed class Many(IReadOnlyList<string> addresses) : IDnsNames
    {
        public IPAddress? Resolve(string name) => ResolveAll(name).FirstOrDefault();

        public IReadOnlyList<IPAddress> ResolveAll(string name) => addresses.Select(IPAddress.Parse).ToList();
    }
}
