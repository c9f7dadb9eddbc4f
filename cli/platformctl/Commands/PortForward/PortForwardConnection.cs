using System.Net.Sockets;
using System.Net.WebSockets;
using Platform.Cli.Config;
using Platform.RemoteCommand;

namespace Platform.Cli.Commands.PortForward;

/// <summary>
/// One local TCP connection forwarded to the pod: a WebSocket (v4.channel.k8s.io) to the gateway's
/// portforward path for one port; channel 0 carries the bytes both ways, channel 1 the server's errors.
/// Ends when either side ends.
/// </summary>
internal sealed class PortForwardConnection(ClientWebSocket socket) : IDisposable
{
    private static readonly TimeSpan HalfCloseGrace = TimeSpan.FromSeconds(5);
    private readonly ChannelSocket channels = new(socket);

    public static async Task<PortForwardConnection> OpenAsync(CliConfig config, string path, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(PortForwardProtocol.V4);
        if (config.Token is { } token)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        var http = new Uri(config.Server, path);
        var url = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new PortForwardConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Relays until the server ends the stream; returns the server's error text, if it sent one.</summary>
    public async Task<string?> RelayAsync(NetworkStream local, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? error = null;
        var fromPod = Task.Run(async () => error = await CopyFromPodAsync(local, stop.Token), stop.Token);
        var toPod = CopyToPodAsync(local, stop.Token);
        // The stream ends when the pod's side does. A local client that stops sending (a half-close, or gone)
        // still gets what the pod answers for a few seconds; the protocol cannot pass the half-close on.
        if (await Task.WhenAny(fromPod, toPod) == toPod)
        {
            await Task.WhenAny(fromPod, Task.Delay(HalfCloseGrace, stop.Token));
        }

        await stop.CancelAsync();
        await channels.CloseAsync(CancellationToken.None);
        await Task.WhenAll(fromPod, toPod).ContinueWith(_ => { }, TaskScheduler.Default);
        return error;
    }

    private async Task<string?> CopyFromPodAsync(NetworkStream local, CancellationToken cancellationToken)
    {
        // The first message of each channel is the port (two bytes), not data.
        var prefixed = new HashSet<byte>();
        string? error = null;
        try
        {
            while (await channels.ReceiveAsync(cancellationToken) is { } message)
            {
                if (prefixed.Add(message.Channel))
                {
                    continue;
                }

                if (message.Channel == PortForwardProtocol.DataChannel(0))
                {
                    await local.WriteAsync(message.Payload, cancellationToken);
                }
                else if (message.Channel == PortForwardProtocol.ErrorChannel(0) && message.Payload.Length > 0)
                {
                    error = System.Text.Encoding.UTF8.GetString(message.Payload);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
        }

        return error;
    }

    private async Task CopyToPodAsync(NetworkStream local, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await local.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await channels.SendAsync(PortForwardProtocol.DataChannel(0), buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        channels.Dispose();
        socket.Dispose();
    }
}
