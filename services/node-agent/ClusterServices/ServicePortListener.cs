using System.Net;
using System.Net.Sockets;
using Platform.Contracts;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// One service port on its cluster IP (kube-proxy's userspace mode): a <see cref="TcpProxyListener"/> whose
/// connections each go to a ready endpoint picked by <see cref="BackendRotation"/>; an endpoint that refuses or
/// does not answer in time is skipped for the next. With no endpoint left the client's connection is reset.
/// </summary>
public sealed partial class ServicePortListener : IAsyncDisposable
{
    private const int MaxAttempts = 3;
    private const int Backlog = 512;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly string service;
    private readonly Func<ServiceBackend, bool> isNear;
    private readonly ILogger logger;
    private IReadOnlyList<ServiceBackend> backends;
    private long turn;
    private TcpProxyListener? proxy;

    private ServicePortListener(IPEndPoint endpoint, IReadOnlyList<ServiceBackend> backends, Func<ServiceBackend, bool> isNear, ILogger logger)
    {
        service = endpoint.ToString();
        this.backends = backends;
        this.isNear = isNear;
        this.logger = logger;
    }

    /// <summary>Where it listens (the port the system chose, for port 0).</summary>
    public IPEndPoint Endpoint => proxy!.Endpoint;

    /// <summary>
    /// Listens on <paramref name="endpoint"/>; throws <see cref="SocketException"/> when the port cannot be had.
    /// <paramref name="isNear"/> tells the endpoints tried first (<see cref="BackendRotation"/>).
    /// </summary>
    public static ServicePortListener Start(IPEndPoint endpoint, IReadOnlyList<ServiceBackend> backends, Func<ServiceBackend, bool> isNear, ILogger logger)
    {
        var started = new ServicePortListener(endpoint, backends, isNear, logger);
        started.proxy = TcpProxyListener.Start(endpoint, started.ConnectAsync, logger, Backlog);
        return started;
    }

    /// <summary>New connections go to these endpoints from now on; open ones stay where they are.</summary>
    public void Update(IReadOnlyList<ServiceBackend> ready) => Volatile.Write(ref backends, ready);

    public ValueTask DisposeAsync() => proxy?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A connection to the first endpoint in this connection's turn that takes one, trying at most <see cref="MaxAttempts"/>.</summary>
    private async Task<Socket?> ConnectAsync(CancellationToken stopping)
    {
        var candidates = BackendRotation.Order(Volatile.Read(ref backends), isNear, Interlocked.Increment(ref turn) - 1);
        foreach (var backend in candidates.Take(MaxAttempts))
        {
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(ConnectTimeout);
                await upstream.ConnectAsync(new IPEndPoint(IPAddress.Parse(backend.Ip), backend.Port), timeout.Token);
                return upstream;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or FormatException)
            {
                upstream.Dispose();
                LogEndpointFailed(service, $"{backend.Ip}:{backend.Port}", e.Message);
                if (stopping.IsCancellationRequested)
                {
                    return null;
                }
            }
        }

        // The listener resets the client, as a REJECT would: it learns at once that nothing serves this port.
        LogNoEndpoint(service, candidates.Count);
        return null;
    }

    [LoggerMessage(LogLevel.Information, "Service {Endpoint}: no ready endpoint took the connection ({Candidates} candidate(s)); reset")]
    private partial void LogNoEndpoint(string endpoint, int candidates);

    [LoggerMessage(LogLevel.Information, "Service {Endpoint}: endpoint {Backend} failed ({Reason}); trying the next")]
    private partial void LogEndpointFailed(string endpoint, string backend, string reason);
}
