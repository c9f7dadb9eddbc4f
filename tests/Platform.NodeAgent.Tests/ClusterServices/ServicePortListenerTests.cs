using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Contracts;
using Platform.NodeAgent.ClusterServices;
using Platform.NodeAgent.Tests.Networking;

namespace Platform.NodeAgent.Tests.ClusterServices;

/// <summary>A service port over real loopback sockets: which ready endpoint each connection reaches.</summary>
public sealed class ServicePortListenerTests
{
    private const string Node = "node-a";
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Connections_take_the_ready_endpoints_in_turn_and_skip_one_that_refuses()
    {
        await using var a = new LoopbackServer("a:");
        await using var b = new LoopbackServer("b:");
        var refusing = LoopbackServer.Refusing();
        await using var listener = ServicePortListener.Start(AnyLoopbackPort, [Backend(a.Endpoint), Backend(refusing), Backend(b.Endpoint)], _ => true, NullLogger.Instance);

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await LoopbackServer.ExchangeAsync(listener.Endpoint, $"{i}"));
        }

        // Turns start at a, the refusing one (so b), b, a.
        Assert.Equal(["a:0", "b:1", "b:2", "a:3"], answers);
    }

    [Fact]
    public async Task New_connections_follow_an_update_of_the_endpoints()
    {
        await using var a = new LoopbackServer("a:");
        await using var b = new LoopbackServer("b:");
        await using var listener = ServicePortListener.Start(AnyLoopbackPort, [Backend(a.Endpoint)], _ => true, NullLogger.Instance);
        Assert.Equal("a:x", await LoopbackServer.ExchangeAsync(listener.Endpoint, "x"));

        listener.Update([Backend(b.Endpoint)]);

        Assert.Equal("b:y", await LoopbackServer.ExchangeAsync(listener.Endpoint, "y"));
    }

    [Fact]
    public async Task With_no_endpoint_taking_it_the_connection_is_reset()
    {
        await using var listener = ServicePortListener.Start(AnyLoopbackPort, [Backend(LoopbackServer.Refusing())], _ => true, NullLogger.Instance);

        var reset = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.ExchangeAsync(listener.Endpoint, ""));

        // Nothing was sent: only a deliberate reset (not a close) makes the client see one.
        Assert.Equal(SocketError.ConnectionReset, LoopbackServer.SocketErrorOf(reset));
    }

    private static ServiceBackend Backend(IPEndPoint endpoint) => new(endpoint.Address.ToString(), endpoint.Port, Node, $"pod-{endpoint.Port}");
}
