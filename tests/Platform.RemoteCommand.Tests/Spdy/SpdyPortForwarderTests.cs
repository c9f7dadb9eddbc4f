using System.Net.WebSockets;
using System.Text;
using Platform.RemoteCommand.Spdy;

namespace Platform.RemoteCommand.Tests.Spdy;

/// <summary>
/// The forwarder between kubectl's SPDY streams and a node agent's WebSocket port-forward stream. The test plays
/// kubectl with its own framer over a loopback connection, and the agent with a real WebSocket (over another
/// loopback connection) that speaks the agent's side of v4.channel.k8s.io.
/// </summary>
public sealed class SpdyPortForwarderTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource deadline = new(Timeout);
    private readonly List<IDisposable> owned = [];
    private readonly TaskCompletionSource<(int Port, ChannelSocket Agent)> agentOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SpdyFramer kubectl = null!;
    private Task<string?> session = null!;

    [Fact]
    public async Task A_connection_pair_gets_replies_and_the_pods_bytes_then_fin_on_both_streams()
    {
        await StartAsync();
        await OpenPairAsync(requestId: "0", port: "8080");
        var (port, agent) = await agentOpened.Task.WaitAsync(deadline.Token);
        await agent.SendAsync(0, PortForwardProtocol.PortPrefix(port), deadline.Token);
        await agent.SendAsync(1, PortForwardProtocol.PortPrefix(port), deadline.Token);

        await kubectl.WriteFrameAsync(new SpdyDataFrame(3, false, "GET /"u8.ToArray()), deadline.Token);
        var request = await agent.ReceiveAsync(deadline.Token);
        await agent.SendAsync(0, "200 OK"u8.ToArray(), deadline.Token);
        await agent.CloseAsync(deadline.Token);

        Assert.Equal(8080, port);
        Assert.Equal((0, "GET /"), (request!.Value.Channel, Encoding.UTF8.GetString(request.Value.Payload)));
        var frames = await ReadUntilBothFinishedAsync();
        Assert.Equal(["data 3 200 OK", "fin 1", "fin 3"], frames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_agents_error_text_goes_to_the_error_stream()
    {
        await StartAsync();
        await OpenPairAsync(requestId: "7", port: "9");
        var (port, agent) = await agentOpened.Task.WaitAsync(deadline.Token);
        await agent.SendAsync(0, PortForwardProtocol.PortPrefix(port), deadline.Token);
        await agent.SendAsync(1, PortForwardProtocol.PortPrefix(port), deadline.Token);
        await agent.SendAsync(1, "error forwarding port 9 to pod u: dial tcp 10.0.0.2:9: connection refused"u8.ToArray(), deadline.Token);
        await agent.CloseAsync(deadline.Token);

        var frames = await ReadUntilBothFinishedAsync();

        Assert.Equal(["data 1 error forwarding port 9 to pod u: dial tcp 10.0.0.2:9: connection refused", "fin 1", "fin 3"], frames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Kubectls_reset_of_the_data_stream_ends_the_agent_stream()
    {
        await StartAsync();
        await OpenPairAsync(requestId: "0", port: "8080");
        var (_, agent) = await agentOpened.Task.WaitAsync(deadline.Token);

        await kubectl.WriteFrameAsync(new SpdyRstStreamFrame(3, SpdyResetStatus.Cancel), deadline.Token);

        Assert.Null(await agent.ReceiveAsync(deadline.Token));
    }

    [Fact]
    public async Task Pings_come_back_and_goaway_ends_the_session()
    {
        await StartAsync();

        await kubectl.WriteFrameAsync(new SpdyPingFrame(1), deadline.Token);
        var pong = await kubectl.ReadFrameAsync(deadline.Token);
        await kubectl.WriteFrameAsync(new SpdySettingsFrame([new(7, 65536)]), deadline.Token);
        await kubectl.WriteFrameAsync(new SpdyWindowUpdateFrame(0, 1000), deadline.Token);
        await kubectl.WriteFrameAsync(new SpdyGoAwayFrame(0, 0), deadline.Token);

        Assert.Equal(new SpdyPingFrame(1), pong);
        Assert.Null(await session.WaitAsync(deadline.Token));
    }

    [Fact]
    public async Task A_stream_id_that_does_not_increase_is_refused_and_the_session_goes_on()
    {
        await StartAsync();
        await OpenPairAsync(requestId: "0", port: "8080");

        await kubectl.WriteFrameAsync(new SpdySynStreamFrame(3, 0, 0, false, false, Headers("data", "8080", "1")), deadline.Token);

        Assert.Equal(new SpdyRstStreamFrame(3, SpdyResetStatus.ProtocolError), await kubectl.ReadFrameAsync(deadline.Token));
        await kubectl.WriteFrameAsync(new SpdyPingFrame(5), deadline.Token);
        Assert.Equal(new SpdyPingFrame(5), await kubectl.ReadFrameAsync(deadline.Token));
    }

    [Fact]
    public async Task A_bad_port_header_is_reported_on_the_error_stream()
    {
        await StartAsync();

        await OpenPairAsync(requestId: "0", port: "http");

        var frames = await ReadUntilBothFinishedAsync();
        Assert.Equal(["data 1 invalid port \"http\": a port is a number from 1 to 65535", "fin 1", "fin 3"], frames.Order(StringComparer.Ordinal));
        Assert.False(agentOpened.Task.IsCompleted);
    }

    public async ValueTask DisposeAsync()
    {
        await deadline.CancelAsync();
        owned.ForEach(o => o.Dispose());
        deadline.Dispose();
    }

    private async Task StartAsync()
    {
        var kubectlSide = await LoopbackPair.OpenAsync();
        owned.Add(kubectlSide);
        kubectl = new SpdyFramer(kubectlSide.Client);
        owned.Add(kubectl);
        var forwarder = new SpdyPortForwarder(OpenAgentAsync);
        session = forwarder.RunAsync(kubectlSide.Server, deadline.Token);
    }

    /// <summary>What the gateway's dial does, with this test as the agent: a WebSocket over a fresh loopback connection.</summary>
    private async Task<WebSocket> OpenAgentAsync(int port, CancellationToken cancellationToken)
    {
        var pair = await LoopbackPair.OpenAsync();
        owned.Add(pair);
        var gatewaySide = WebSocket.CreateFromStream(pair.Client, new WebSocketCreationOptions { IsServer = false, SubProtocol = PortForwardProtocol.V4 });
        var agentSide = new ChannelSocket(WebSocket.CreateFromStream(pair.Server, new WebSocketCreationOptions { IsServer = true, SubProtocol = PortForwardProtocol.V4 }));
        owned.Add(agentSide);
        agentOpened.TrySetResult((port, agentSide));
        return gatewaySide;
    }

    /// <summary>kubectl's order: the error stream (closed at once, it only reads), its reply, then the data stream and its reply.</summary>
    private async Task OpenPairAsync(string requestId, string port)
    {
        await kubectl.WriteFrameAsync(new SpdySynStreamFrame(1, 0, 0, false, false, Headers("error", port, requestId)), deadline.Token);
        Assert.Equal(1u, Assert.IsType<SpdySynReplyFrame>(await kubectl.ReadFrameAsync(deadline.Token)).StreamId);
        await kubectl.WriteFrameAsync(new SpdyDataFrame(1, true, ReadOnlyMemory<byte>.Empty), deadline.Token);
        await kubectl.WriteFrameAsync(new SpdySynStreamFrame(3, 0, 0, false, false, Headers("data", port, requestId)), deadline.Token);
        Assert.Equal(3u, Assert.IsType<SpdySynReplyFrame>(await kubectl.ReadFrameAsync(deadline.Token)).StreamId);
    }

    private async Task<List<string>> ReadUntilBothFinishedAsync()
    {
        var frames = new List<string>();
        while (frames.Count(f => f.StartsWith("fin", StringComparison.Ordinal)) < 2)
        {
            var frame = Assert.IsType<SpdyDataFrame>(await kubectl.ReadFrameAsync(deadline.Token));
            frames.Add(frame.Fin ? $"fin {frame.StreamId}" : $"data {frame.StreamId} {Encoding.UTF8.GetString(frame.Data.Span)}");
        }

        return frames;
    }

    private static SpdyHeaderBlock Headers(string streamType, string port, string requestId) =>
        SpdyFramerTests.Headers(("streamtype", streamType), ("port", port), ("requestid", requestId));
}
