using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.Tests.Networking;

/// <summary>The agent's shared accept loop, over real loopback sockets.</summary>
public sealed class TcpProxyListenerTests
{
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Each_connection_is_relayed_both_ways_to_the_upstream_it_asked_for()
    {
        await using var upstream = new LoopbackServer("pod:");
        var asked = 0;
        await using var proxy = TcpProxyListener.Start(AnyLoopbackPort, async stopping =>
        {
            Interlocked.Increment(ref asked);
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(upstream.Endpoint, stopping);
            return socket;
        }, NullLogger.Instance);

        Assert.Equal("pod:first", await LoopbackServer.ExchangeAsync(proxy.Endpoint, "first"));
        Assert.Equal("pod:second", await LoopbackServer.ExchangeAsync(proxy.Endpoint, "second"));
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task A_connection_with_no_upstream_is_reset()
    {
        await using var proxy = TcpProxyListener.Start(AnyLoopbackPort, _ => Task.FromResult<Socket?>(null), NullLogger.Instance);

        var reset = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.ExchangeAsync(proxy.Endpoint, ""));

        // Nothing was sent: only a deliberate reset (not a close) makes the client see one.
        Assert.Equal(SocketError.ConnectionReset, LoopbackServer.SocketErrorOf(reset));
    }

    [Fact]
    public async Task An_upstream_that_refuses_ends_the_clients_connection_without_a_reset()
    {
        var refusing = LoopbackServer.Refusing();
        await using var proxy = TcpProxyListener.Start(AnyLoopbackPort, async stopping =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(refusing, stopping);
            return null;
        }, NullLogger.Instance);

        // Nothing sent, so nothing left unread that would turn the close into a reset.
        Assert.Equal("", await LoopbackServer.ExchangeAsync(proxy.Endpoint, ""));
    }

    [Fact]
    public async Task Once_disposed_it_refuses_new_connections()
    {
        var proxy = TcpProxyListener.Start(AnyLoopbackPort, _ => Task.FromResult<Socket?>(null), NullLogger.Instance);
        var endpoint = proxy.Endpoint;

        await proxy.DisposeAsync();

        var refused = await Assert.ThrowsAsync<SocketException>(() => LoopbackServer.ExchangeAsync(endpoint, "hello"));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
