using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// Serves kubectl's port-forward protocol ("portforward.k8s.io" over SPDY/3.1) by bridging it onto the
/// WebSocket port-forward stream of the pod's node agent. kubectl opens, per local connection, an error
/// stream and then a data stream, both with headers streamtype, port and requestid. Each pair gets one agent
/// stream for its port: the agent's data channel becomes the data stream, its error text the error stream,
/// and when the agent ends (the pod closed the connection, or dialling it failed) both streams get FIN,
/// which is what kubectl waits for. A reset of the data stream (kubectl's local side failed) ends the agent
/// stream; a FIN alone does not, as the agent has no half-close and the pod's answer may still be coming.
/// </summary>
public sealed class SpdyPortForwarder(Func<int, CancellationToken, Task<WebSocket>> openAgentStream)
{
    public const string Protocol = "portforward.k8s.io";

    /// <summary>How long the agent has to answer this side's close before its stream is dropped.</summary>
    private static readonly TimeSpan AgentCloseGrace = TimeSpan.FromSeconds(5);

    /// <summary>Serves one session until kubectl ends it; returns why it ended when that was not a clean close.</summary>
    public async Task<string?> RunAsync(Stream transport, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errorStreams = new ConcurrentDictionary<string, SpdyStream>(StringComparer.Ordinal);
        // The streams being served; each leaves when done, so a long session holds only its open connections.
        var forwards = new ConcurrentDictionary<Task, bool>();
        using var session = new SpdySession(transport, stream =>
        {
            var forward = AcceptAsync(stream, errorStreams, stop.Token);
            forwards[forward] = true;
            _ = forward.ContinueWith(done => forwards.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        });
        var reason = await session.RunAsync(stop.Token);
        await stop.CancelAsync();
        await Task.WhenAll(forwards.Keys);
        return reason;
    }

    private async Task AcceptAsync(SpdyStream stream, ConcurrentDictionary<string, SpdyStream> errorStreams, CancellationToken cancellationToken)
    {
        // Yield first: this runs from the session's read loop, which must not wait on the network.
        await Task.Yield();
        try
        {
            await stream.ReplyAsync(cancellationToken);
            var requestId = stream.Headers["requestid"] ?? string.Empty;
            switch (stream.Headers["streamtype"])
            {
                case "error":
                    errorStreams[requestId] = stream;
                    break;
                case "data":
                    errorStreams.TryRemove(requestId, out var errorStream);
                    await ForwardAsync(stream, errorStream, cancellationToken);
                    break;
                default:
                    await stream.ResetAsync(cancellationToken);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or WebSocketException)
        {
            // The session ended under this stream; RunAsync resets what is left.
        }
    }

    private async Task ForwardAsync(SpdyStream data, SpdyStream? error, CancellationToken cancellationToken)
    {
        // The copies stop with the session; a reset of the data stream only ends the wait, so that the agent
        // stream is closed with a close handshake rather than aborted under a pending receive.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, data.Aborted);
        try
        {
            if (!int.TryParse(data.Headers["port"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                await ReportAsync(error, $"invalid port \"{data.Headers["port"]}\": a port is a number from 1 to 65535", stop.Token);
                return;
            }

            WebSocket agent;
            try
            {
                agent = await openAgentStream(port, stop.Token);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
            {
                await ReportAsync(error, $"error forwarding port {port}: the node agent did not open the stream: {e.Message}", stop.Token);
                return;
            }

            using (agent)
            using (var channels = new ChannelSocket(agent))
            {
                var fromAgent = CopyFromAgentAsync(channels, data, error, stop.Token);
                var fromKubectl = CopyFromKubectlAsync(data, channels, stop.Token);
                await Task.WhenAny(fromAgent, Task.Delay(Timeout.Infinite, ended.Token));
                await channels.CloseAsync(CancellationToken.None);
                await Task.WhenAny(fromAgent, Task.Delay(AgentCloseGrace, CancellationToken.None));
                await stop.CancelAsync();
                await Task.WhenAll(Quietly(fromAgent), Quietly(fromKubectl));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await Quietly(data.CloseAsync(CancellationToken.None));
            if (error is not null)
            {
                await Quietly(error.CloseAsync(CancellationToken.None));
            }
        }
    }

    /// <summary>The agent's first message on each channel is the port; then data and error text.</summary>
    private static async Task CopyFromAgentAsync(ChannelSocket agent, SpdyStream data, SpdyStream? error, CancellationToken cancellationToken)
    {
        var dataChannel = PortForwardProtocol.DataChannel(0);
        var errorChannel = PortForwardProtocol.ErrorChannel(0);
        bool dataPrefixSeen = false, errorPrefixSeen = false;
        while (await agent.ReceiveAsync(cancellationToken) is { } message)
        {
            if (message.Channel == dataChannel)
            {
                if (dataPrefixSeen && !data.Aborted.IsCancellationRequested)
                {
                    await data.WriteAsync(message.Payload, cancellationToken);
                }

                dataPrefixSeen = true;
            }
            else if (message.Channel == errorChannel)
            {
                if (errorPrefixSeen && error is not null)
                {
                    await error.WriteAsync(message.Payload, cancellationToken);
                }

                errorPrefixSeen = true;
            }
        }
    }

    private static async Task CopyFromKubectlAsync(SpdyStream data, ChannelSocket agent, CancellationToken cancellationToken)
    {
        await foreach (var chunk in data.Inbound.ReadAllAsync(cancellationToken))
        {
            await agent.SendAsync(PortForwardProtocol.DataChannel(0), chunk, cancellationToken);
        }
    }

    private static async Task ReportAsync(SpdyStream? error, string message, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            await error.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or WebSocketException)
        {
        }
    }
}
