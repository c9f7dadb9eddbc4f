using System.Net;
using System.Net.Sockets;
using Platform.Contracts;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// One service port on its cluster IP (kube-proxy's userspace mode): each accepted connection is piped to a
/// ready endpoint picked by <see cref="BackendRotation"/>; an endpoint that refuses or does not answer in time
/// is skipped for the next. With no endpoint left the client's connection is reset.
/// </summary>
public sealed partial class ServicePortListener : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly TcpListener listener;
    private readonly string nodeName;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private IReadOnlyList<ServiceBackend> backends;
    private long turn;
    private Task accepting = Task.CompletedTask;

    private ServicePortListener(TcpListener listener, IReadOnlyList<ServiceBackend> backends, string nodeName, ILogger logger)
    {
        this.listener = listener;
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        this.backends = backends;
        this.nodeName = nodeName;
        this.logger = logger;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Listens on <paramref name="endpoint"/>; throws <see cref="SocketException"/> when the port cannot be had.</summary>
    public static ServicePortListener Start(IPEndPoint endpoint, IReadOnlyList<ServiceBackend> backends, string nodeName, ILogger logger)
    {
        var listener = new TcpListener(endpoint);
        listener.Start(512);
        var started = new ServicePortListener(listener, backends, nodeName, logger);
        started.accepting = started.AcceptAsync();
        return started;
    }

    /// <summary>New connections go to these endpoints from now on; open ones stay where they are.</summary>
    public void Update(IReadOnlyList<ServiceBackend> ready) => Volatile.Write(ref backends, ready);

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
        var candidates = BackendRotation.Order(Volatile.Read(ref backends), nodeName, Interlocked.Increment(ref turn) - 1);
        using var upstream = await ConnectAsync(candidates);
        if (upstream is null)
        {
            // As a REJECT would: the client learns at once that nothing serves this port.
            LogNoEndpoint(Endpoint.ToString(), candidates.Count);
            client.LingerState = new LingerOption(true, 0);
            return;
        }

        try
        {
            await TcpRelay.RunAsync(client, upstream, stopping.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            LogConnectionEnded(Endpoint.ToString(), e.Message);
        }
    }

    /// <summary>A connection to the first candidate that takes one, trying at most <see cref="MaxAttempts"/>.</summary>
    private async Task<Socket?> ConnectAsync(IReadOnlyList<ServiceBackend> candidates)
    {
        foreach (var backend in candidates.Take(MaxAttempts))
        {
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(ConnectTimeout);
                await upstream.ConnectAsync(new IPEndPoint(IPAddress.Parse(backend.Ip), backend.Port), timeout.Token);
                return upstream;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or FormatException)
            {
                upstream.Dispose();
                LogEndpointFailed(Endpoint.ToString(), $"{backend.Ip}:{backend.Port}", e.Message);
                if (stopping.IsCancellationRequested)
                {
                    return null;
                }
            }
        }

        return null;
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

    [LoggerMessage(LogLevel.Information, "Service {Endpoint}: no ready endpoint took the connection ({Candidates} candidate(s)); reset")]
    private partial void LogNoEndpoint(string endpoint, int candidates);

    [LoggerMessage(LogLevel.Information, "Service {Endpoint}: endpoint {Backend} failed ({Reason}); trying the next")]
    private partial void LogEndpointFailed(string endpoint, string backend, string reason);

    [LoggerMessage(LogLevel.Debug, "Service {Endpoint}: a proxied connection ended: {Reason}")]
    private partial void LogConnectionEnded(string endpoint, string reason);
}
