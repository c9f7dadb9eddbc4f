using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Platform.Contracts;
using Platform.Networking.Netlink;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// Makes the cluster IPs reachable from this node's pods (and its host), as kube-proxy's userspace mode:
/// the whole service range (PLATFORM_SERVICE_CIDR) is made local to the host by one route of type local
/// through the node bridge (`local RANGE dev BRIDGE table local`), and each TCP port of each Service is a
/// <see cref="ServicePortListener"/> on clusterIP:port. A pod's packet to a cluster IP leaves through its
/// default route to the bridge and is delivered locally to the listener; one to an address or port no
/// Service has is refused by the host at once, and none leaves the machine. (A dummy link holding /32s,
/// as kube-proxy's IPVS mode does, is not available on every kernel: this machine's has no dummy driver.)
/// Listeners are reconciled from <see cref="ServiceTable"/> on every change and every 10 s (a port that
/// could not be had is retried). At stop the listeners close and the route is removed; a crashed agent's
/// route goes with the bridge (`./platform down`) or is replaced by the next agent's.
/// </summary>
public sealed partial class ServiceProxy(
    NetworkSettings network,
    NodeAgentSettings node,
    ServiceTable table,
    AttachedSubnets attached,
    ILogger<ServiceProxy> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);
    private readonly Channel<bool> doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Dictionary<IPEndPoint, ServicePortListener> listeners = [];
    private readonly HashSet<IPEndPoint> failing = [];
    private NetlinkSocket? host;
    private int bridgeIndex;

    /// <summary>Runs after <see cref="PodNetwork"/> has made the bridge (registered after it).</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!network.Enabled)
        {
            return;
        }

        host = NetlinkSocket.Open();
        bridgeIndex = Links.IndexOf(host, network.Bridge);
        Links.AddLocalRoute(host, network.ServiceRange, bridgeIndex);
        LogRangeLocal(network.ServiceRange.ToString(), network.Bridge);
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
        Links.RemoveLocalRoute(host, network.ServiceRange, bridgeIndex);
        host.Dispose();
        host = null;
        LogRangeRemoved(network.ServiceRange.ToString());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed step is retried on the next pass; the agent's other work goes on.
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

    /// <summary>Brings the listeners to what the table says: opens, updates, then closes what no service wants.</summary>
    private async Task ReconcileAsync()
    {
        // Several agents on one machine (PLATFORM_NODES) share the range's route and the last one to stop removes
        // it: each pass puts it back (a replace, so a no-op when it is there).
        Links.AddLocalRoute(host!, network.ServiceRange, bridgeIndex);
        attached.Refresh();
        var wanted = Desired(table.Services);
        foreach (var (endpoint, (service, backends)) in wanted)
        {
            if (listeners.TryGetValue(endpoint, out var listener))
            {
                listener.Update(backends);
            }
            else if (!network.ServiceRange.Contains(endpoint.Address))
            {
                if (failing.Add(endpoint))
                {
                    LogOutOfRange(service, endpoint.ToString(), network.ServiceRange.ToString());
                }
            }
            else
            {
                Open(endpoint, service, backends);
            }
        }

        foreach (var endpoint in listeners.Keys.Where(e => !wanted.ContainsKey(e)).ToList())
        {
            await listeners[endpoint].DisposeAsync();
            listeners.Remove(endpoint);
            LogListenerClosed(endpoint.ToString());
        }

        failing.IntersectWith(wanted.Keys);
    }

    private void Open(IPEndPoint endpoint, string service, IReadOnlyList<ServiceBackend> backends)
    {
        try
        {
            listeners[endpoint] = ServicePortListener.Start(endpoint, backends, IsNear, logger);
            failing.Remove(endpoint);
            LogListenerOpened(service, endpoint.ToString(), backends.Count);
        }
        catch (SocketException e)
        {
            // Another process holds the port on this address (another platform on the same service range?); retried.
            if (failing.Add(endpoint))
            {
                LogListenFailed(service, endpoint.ToString(), e.Message);
            }
        }
    }

    /// <summary>This node's pods, and those behind another bridge of this host (see <see cref="BackendRotation"/>).</summary>
    private bool IsNear(ServiceBackend backend) => backend.NodeName == node.NodeName || attached.Contains(backend.Ip);

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

    [LoggerMessage(LogLevel.Information, "Cluster IPs: service range {Range} is local to this host through {Bridge}")]
    private partial void LogRangeLocal(string range, string bridge);

    [LoggerMessage(LogLevel.Information, "Cluster IPs: removed the local route of {Range}")]
    private partial void LogRangeRemoved(string range);

    [LoggerMessage(LogLevel.Warning, "Service {Service}: cluster IP {Endpoint} is outside this node's PLATFORM_SERVICE_CIDR {Range}; not served")]
    private partial void LogOutOfRange(string service, string endpoint, string range);

    [LoggerMessage(LogLevel.Information, "Service {Service}: listening on {Endpoint} for {Count} ready endpoint(s)")]
    private partial void LogListenerOpened(string service, string endpoint, int count);

    [LoggerMessage(LogLevel.Information, "Service listener on {Endpoint} closed")]
    private partial void LogListenerClosed(string endpoint);

    [LoggerMessage(LogLevel.Warning, "Service {Service}: cannot listen on {Endpoint} ({Reason}); retrying")]
    private partial void LogListenFailed(string service, string endpoint, string reason);

    [LoggerMessage(LogLevel.Warning, "Reconciling the cluster IPs failed; retrying")]
    private partial void LogReconcileFailed(Exception e);
}
