using System.Net;
using System.Net.Sockets;
using Platform.Networking.Dns;

namespace Platform.Networking.Tests.Dns;

/// <summary>The responder over a real UDP socket on loopback.</summary>
public sealed class DnsResponderTests
{
    [Fact]
    public async Task It_answers_a_query_over_UDP()
    {
        var names = new DnsAnswersTests.Names(new Dictionary<string, IPAddress> { ["db.shop"] = IPAddress.Parse("10.88.0.9") });
        await using var responder = DnsResponder.Start(new IPEndPoint(IPAddress.Loopback, 0), names);
        using var client = new UdpClient(AddressFamily.InterNetwork);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await client.SendAsync(DnsAnswersTests.Query(7, "db.shop", DnsMessage.TypeA), responder.Endpoint, timeout.Token);
        var answer = (await client.ReceiveAsync(timeout.Token)).Buffer;

        Assert.Equal([10, 88, 0, 9], answer[^4..]);
    }
}
