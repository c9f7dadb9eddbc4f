using System.Net.WebSockets;
using System.Text;
using Platform.Cli.Config;
using Platform.RemoteCommand;

namespace Platform.Cli.Client;

/// <summary>
/// The client side of an exec: a WebSocket with Kubernetes' channel protocol to the gateway. Stdout and
/// stderr are written as they arrive; stdin (when asked) is sent until its end, which v5 signals by
/// closing channel 0. The result is the command's final status.
/// </summary>
internal sealed class ExecStream(ClientWebSocket socket) : IDisposable
{
    private readonly ChannelSocket channels = new(socket);

    public static async Task<ExecStream> ConnectAsync(CliConfig config, string path, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in StreamProtocol.Supported)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        if (config.Token is { } token)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        var http = new Uri(config.Server, path);
        var url = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new ExecStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Tells the remote terminal its size (channel 4), as kubectl does at start and on every resize.</summary>
    public Task ResizeAsync(TerminalSize size, CancellationToken cancellationToken) =>
        channels.SendAsync(StreamProtocol.Resize, size.ToJson(), cancellationToken);

    public async Task<ExecStatus> RunAsync(TextReader? stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = stdin is null ? Task.CompletedTask : SendInputAsync(stdin, sending.Token);
        var status = await ReceiveAsync(stdout, stderr, cancellationToken);
        await sending.CancelAsync();
        // A read of a terminal does not end on cancellation: once the command is over, stdin is left
        // behind rather than awaited (it would hold the session until the next key press).
        _ = input.ContinueWith(_ => { }, TaskScheduler.Default);
        return status;
    }

    private async Task<ExecStatus> ReceiveAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var decoders = new[] { Encoding.UTF8.GetDecoder(), Encoding.UTF8.GetDecoder() };
        ExecStatus? status = null;
        try
        {
            while (await channels.ReceiveAsync(cancellationToken) is { } message)
            {
                switch (message.Channel)
                {
                    case StreamProtocol.Stdout or StreamProtocol.Stderr:
                        var writer = message.Channel == StreamProtocol.Stdout ? stdout : stderr;
                        var decoder = decoders[message.Channel - 1];
                        var chars = new char[decoder.GetCharCount(message.Payload, flush: false)];
                        decoder.GetChars(message.Payload, chars, flush: false);
                        await writer.WriteAsync(chars, cancellationToken);
                        await writer.FlushAsync(cancellationToken);
                        break;
                    case StreamProtocol.Error:
                        status = ExecStatus.Parse(message.Payload);
                        break;
                }
            }
        }
        catch (WebSocketException) when (status is not null)
        {
            // The server went once the status was sent.
        }

        await channels.CloseAsync(CancellationToken.None);
        return status ?? ExecStatus.Failed("the exec stream ended without the command's exit status");
    }

    private async Task SendInputAsync(TextReader stdin, CancellationToken cancellationToken)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await stdin.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            await channels.SendAsync(StreamProtocol.Stdin, Encoding.UTF8.GetBytes(buffer, 0, read), cancellationToken);
        }

        if (socket.SubProtocol == StreamProtocol.V5)
        {
            await channels.SendAsync(StreamProtocol.Close, new[] { StreamProtocol.Stdin }, cancellationToken);
        }
    }

    public void Dispose()
    {
        channels.Dispose();
        socket.Dispose();
    }
}
