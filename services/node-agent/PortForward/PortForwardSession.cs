using System.Net;
using System.Net.Sockets;
using Platform.RemoteCommand;

namespace Platform.NodeAgent.PortForward;

/// <summary>
/// One port-forward stream: a TCP connection to the pod per requested port, each relayed over its data
/// channel. A port that cannot be dialled gets its error on its error channel, as the kubelet words it.
/// The stream ends when every connection has ended or the caller leaves.
/// </summary>
public sealed partial class PortForwardSession(ChannelSocket socket, string uid, IPAddress address, IReadOnlyList<int> ports, ILogger logger)
{
    private const int BufferBytes = 32 * 1024;
    private static readonly TimeSpan CallerCloseGrace = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connections = new TcpClient?[ports.Count];
        try
        {
            for (var i = 0; i < ports.Count; i++)
            {
                await socket.SendAsync(PortForwardProtocol.DataChannel(i), PortForwardProtocol.PortPrefix(ports[i]), stop.Token);
                await socket.SendAsync(PortForwardProtocol.ErrorChannel(i), PortForwardProtocol.PortPrefix(ports[i]), stop.Token);
                connections[i] = await DialAsync(i, stop.Token);
            }

            var fromPod = connections
                .Select((connection, i) => connection is null ? Task.CompletedTask : CopyFromPodAsync(connection, i, stop.Token))
                .ToArray();
            var fromCaller = CopyFromCallerAsync(connections, stop.Token);
            await Task.WhenAny(Task.WhenAll(fromPod), fromCaller);
            // Close first, cancel last: cancelling the pending receive aborts the WebSocket, and with it
            // whatever of the pod's answer is still buffered on its way out.
            await socket.CloseAsync(CancellationToken.None);
            await Task.WhenAny(fromCaller, Task.Delay(CallerCloseGrace, CancellationToken.None));
            await stop.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            LogEnded(uid, e.Message);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection?.Dispose();
            }
        }
    }

    private async Task<TcpClient?> DialAsync(int index, CancellationToken cancellationToken)
    {
        var client = new TcpClient(address.AddressFamily);
        try
        {
            await client.ConnectAsync(address, ports[index], cancellationToken);
            return client;
        }
        catch (SocketException e)
        {
            client.Dispose();
            var message = $"error forwarding port {ports[index]} to pod {uid}: dial tcp {address}:{ports[index]}: {e.Message}";
            await socket.SendAsync(PortForwardProtocol.ErrorChannel(index), System.Text.Encoding.UTF8.GetBytes(message), cancellationToken);
            return null;
        }
    }

    private async Task CopyFromPodAsync(TcpClient connection, int index, CancellationToken cancellationToken)
    {
        var stream = connection.GetStream();
        var buffer = new byte[BufferBytes];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await socket.SendAsync(PortForwardProtocol.DataChannel(index), buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (IOException e)
        {
            await socket.SendAsync(PortForwardProtocol.ErrorChannel(index), System.Text.Encoding.UTF8.GetBytes($"error reading from port {ports[index]} of pod {uid}: {e.Message}"), cancellationToken);
        }
    }

    /// <summary>Data messages go to their port's connection; the caller closing the stream ends them all.</summary>
    private async Task CopyFromCallerAsync(TcpClient?[] connections, CancellationToken cancellationToken)
    {
        while (await socket.ReceiveAsync(cancellationToken) is { } message)
        {
            var index = message.Channel / 2;
            if (message.Channel % 2 == 0 && index < connections.Length && connections[index] is { } connection)
            {
                await connection.GetStream().WriteAsync(message.Payload, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Port-forward to pod {Uid} ended: {Reason}")]
    private partial void LogEnded(string uid, string reason);
}
