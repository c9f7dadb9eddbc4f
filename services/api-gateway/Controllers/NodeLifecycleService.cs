using Microsoft.Extensions.Options;
using Platform.Grains;
using Platform.Grains.Abstractions;
using Platform.Messaging;

namespace Platform.ApiGateway.Controllers;

/// <summary>
/// The node lifecycle controller: every second it asks each node grain whether its heartbeats are
/// within the grace period. A node that is NotReady has its pods marked Failed (NodeLost), once, so
/// their ReplicaSets recreate them on healthy nodes; the node grain stops them if the node comes back.
/// Like Kubernetes' controller in a full disruption, it evicts nothing while it may be the one cut off:
/// only once this gateway's heartbeat consumer has been connected for a whole grace period does a
/// silent node count as lost (a broker restart silences every node at once).
/// </summary>
public sealed partial class NodeLifecycleService(
    IGrainFactory grains,
    MessagePathHealth heartbeatPath,
    IOptions<ControlPlaneOptions> options,
    TimeProvider time,
    ILogger<NodeLifecycleService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>NotReady nodes whose pods were marked lost; a node leaves the set when it is Ready again.</summary>
    private readonly HashSet<string> evicted = [];

    private bool deferralLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckNodes();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(e);
            }
        }
    }

    private async Task CheckNodes()
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        foreach (var name in names)
        {
            if (await grains.GetGrain<INodeGrain>(name).CheckLiveness())
            {
                evicted.Remove(name);
            }
            else if (!evicted.Contains(name) && MayEvict(name))
            {
                await EvictPods(name);
                evicted.Add(name);
            }
        }
    }

    private bool MayEvict(string node)
    {
        if (heartbeatPath.HealthyThroughout(options.Value.NodeHeartbeatGracePeriod, time.GetUtcNow()))
        {
            deferralLogged = false;
            return true;
        }

        if (!deferralLogged)
        {
            LogDeferred(node);
            deferralLogged = true;
        }

        return false;
    }

    /// <summary>Runs after a gateway restart too (the first check finds the node NotReady), so no loss is missed.</summary>
    private async Task EvictPods(string node)
    {
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.PodIndex).List(null);
        var pods = await Task.WhenAll(keys.Select(async k => (Key: k, Pod: await grains.GetGrain<IPodGrain>(k).Get())));
        var onNode = pods.Where(p => p.Pod?.Spec.NodeName == node).ToList();
        LogEvicting(node, onNode.Count);
        await Task.WhenAll(onNode.Select(p => grains.GetGrain<IPodGrain>(p.Key).MarkNodeLost(node)));
    }

    [LoggerMessage(LogLevel.Warning, "Node {Node} is NotReady: marking its {Count} pod(s) lost")]
    private partial void LogEvicting(string node, int count);

    [LoggerMessage(LogLevel.Warning, "Node {Node} is NotReady, but heartbeats could not reach this gateway for the whole grace period: its pods are not marked lost yet")]
    private partial void LogDeferred(string node);

    [LoggerMessage(LogLevel.Warning, "Node liveness check failed; the next check retries")]
    private partial void LogCheckFailed(Exception e);
}
