using System.Net;
using System.Net.Sockets;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// The accept loop the agent's userspace proxies share: listens on one address and port, asks
/// <c>connectUpstream</c> for a connection to a backend for each client, relays the two with <see cref="TcpRelay"/>,
/// and stops accepting (and relaying) when disposed. <c>connectUpstream</c> picks the backend (one pod, or a service's
/// ready endpoints in turn); a null from it resets the client's connection at once, as a REJECT would, and a
/// connection that fails or breaks is closed and logged.
/// </summary>
public sealed partial class TcpProxyListener : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<CancellationToken, Task<Socket?>> connectUpstream;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task accepting = Task.CompletedTask;

    private TcpProxyListener(TcpListener listener, Func<CancellationToken, Task<Socket?>> connectUpstream, ILogger logger)
    {
        this.listener = listener;
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        this.connectUpstream = connectUpstream;
        this.logger = logger;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Listens on <paramref name="endpoint"/>; throws <see cref="SocketException"/> when the port cannot be had.</summary>
    public static TcpProxyListener Start(IPEndPoint endpoint, Func<CancellationToken, Task<Socket?>> connectUpstream, ILogger logger, int backlog = (int)SocketOptionName.MaxConnections)
    {
        var listener = new TcpListener(endpoint);
        listener.Start(backlog);
        var started = new TcpProxyListener(listener, connectUpstream, logger);
        started.accepting = started.AcceptAsync();
        return started;
    }

    /// <summary>Stops accepting and ends the open relays without waiting for the loop (for a caller that cannot await).</summary>
    public void Stop()
    {
        stopping.Cancel();
        listener.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        try
        {
            using var upstream = await connectUpstream(stopping.Token);
            if (upstream is null)
            {
                client.LingerState = new LingerOption(true, 0);
                return;
            }

            await TcpRelay.RunAsync(client, upstream, stopping.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            LogConnectionEnded(Endpoint.ToString(), e.Message);
        }
    }

    [LoggerMessage(LogLevel.Debug, "A proxied connection on {Endpoint} ended: {Reason}")]
    private partial void LogConnectionEnded(string endpoint, string reason);
}
