using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Platform.Contracts;
using Platform.Networking.Netlink;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// Makes the cluster IPs reachable from this node's pods (and its host), as kube-proxy's userspace mode:
/// each Service's cluster IP is a /32 on a dummy link of the node (<see cref="NetworkSettings.ServiceLink"/>),
/// and each of its TCP ports a <see cref="ServicePortListener"/> on clusterIP:port. A pod's packet to a cluster
/// IP leaves through its default route to the bridge and is delivered locally to the listener. Reconciled
/// from <see cref="ServiceTable"/> on every change and every 10 s (a port that could not be had is retried).
/// The dummy link is created afresh at start (a crashed agent's addresses go with the old one) and deleted
/// at stop, so no address outlives the agent.
/// </summary>
public sealed partial class ServiceProxy(
    NetworkSettings network,
    NodeAgentSettings node,
    ServiceTable table,
    ILogger<ServiceProxy> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);
    private readonly Channel<bool> doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly HashSet<IPAddress> addresses = [];
    private readonly Dictionary<IPEndPoint, ServicePortListener> listeners = [];
    private readonly HashSet<IPEndPoint> failing = [];
    private NetlinkSocket? host;
    private int linkIndex;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!network.Enabled)
        {
            return;
        }

        host = NetlinkSocket.Open();
        linkIndex = Links.RecreateDummy(host, network.ServiceLink);
        LogLinkReady(network.ServiceLink);
        table.Changed += Ring;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (host is null)
        {
            return;
        }

        table.Changed -= Ring;
        await base.StopAsync(cancellationToken);
        foreach (var listener in listeners.Values)
        {
            await listener.DisposeAsync();
        }

        listeners.Clear();
        addresses.Clear();
        Links.Delete(host, network.ServiceLink);
        host.Dispose();
        host = null;
        LogLinkRemoved(network.ServiceLink);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync();
            }
            catch (Exception e) when (e is NetlinkException or SocketException)
            {
                LogReconcileFailed(e);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(RetryEvery);
            try
            {
                await doorbell.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Ring() => doorbell.Writer.TryWrite(true);

    /// <summary>Brings addresses and listeners to what the table says: adds first, then removes what no service wants.</summary>
    private async Task ReconcileAsync()
    {
        var services = table.Services;
        var wanted = Desired(services);
        var wantedAddresses = ClusterIps(services).ToHashSet();
        foreach (var address in wantedAddresses.Where(a => !addresses.Contains(a)))
        {
            Links.AddHostAddress(host!, linkIndex, address);
            addresses.Add(address);
        }

        foreach (var (endpoint, (service, backends)) in wanted)
        {
            if (listeners.TryGetValue(endpoint, out var listener))
            {
                listener.Update(backends);
                continue;
            }

            Open(endpoint, service, backends);
        }

        foreach (var endpoint in listeners.Keys.Where(e => !wanted.ContainsKey(e)).ToList())
        {
            await listeners[endpoint].DisposeAsync();
            listeners.Remove(endpoint);
            LogListenerClosed(endpoint.ToString());
        }

        foreach (var address in addresses.Where(a => !wantedAddresses.Contains(a)).ToList())
        {
            Links.RemoveHostAddress(host!, linkIndex, address);
            addresses.Remove(address);
        }
    }

    private void Open(IPEndPoint endpoint, string service, IReadOnlyList<ServiceBackend> backends)
    {
        try
        {
            listeners[endpoint] = ServicePortListener.Start(endpoint, backends, node.NodeName, logger);
            failing.Remove(endpoint);
            LogListenerOpened(service, endpoint.ToString(), backends.Count);
        }
        catch (SocketException e)
        {
            // Another process holds the port on this address (another cluster on the same service range?); retried.
            if (failing.Add(endpoint))
            {
                LogListenFailed(service, endpoint.ToString(), e.Message);
            }
        }
    }

    /// <summary>Every TCP port of every service with a cluster IP, and the ready endpoints behind it.</summary>
    private static Dictionary<IPEndPoint, (string Service, IReadOnlyList<ServiceBackend> Backends)> Desired(IReadOnlyDictionary<string, ServiceRouting> services)
    {
        var wanted = new Dictionary<IPEndPoint, (string, IReadOnlyList<ServiceBackend>)>();
        foreach (var (key, routing) in services)
        {
            if (routing.ClusterIP is null || !IPAddress.TryParse(routing.ClusterIP, out var ip))
            {
                continue;
            }

            foreach (var port in routing.Ports.Where(p => p.Protocol == "TCP"))
            {
                wanted[new IPEndPoint(ip, port.Port)] = (key, port.Backends);
            }
        }

        return wanted;
    }

    private static IEnumerable<IPAddress> ClusterIps(IReadOnlyDictionary<string, ServiceRouting> services) =>
        services.Values.Select(s => s.ClusterIP is { } ip && IPAddress.TryParse(ip, out var parsed) ? parsed : null).OfType<IPAddress>();

    [LoggerMessage(LogLevel.Information, "Cluster IPs live on dummy link {Link}")]
    private partial void LogLinkReady(string link);

    [LoggerMessage(LogLevel.Information, "Removed dummy link {Link} with its cluster IPs")]
    private partial void LogLinkRemoved(string link);

    [LoggerMessage(LogLevel.Information, "Service {Service}: listening on {Endpoint} for {Count} ready endpoint(s)")]
    private partial void LogListenerOpened(string service, string endpoint, int count);

    [LoggerMessage(LogLevel.Information, "Service listener on {Endpoint} closed")]
    private partial void LogListenerClosed(string endpoint);

    [LoggerMessage(LogLevel.Warning, "Service {Service}: cannot listen on {Endpoint} ({Reason}); retrying")]
    private partial void LogListenFailed(string service, string endpoint, string reason);

    [LoggerMessage(LogLevel.Warning, "Reconciling the cluster IPs failed; retrying")]
    private partial void LogReconcileFailed(Exception e);
}
