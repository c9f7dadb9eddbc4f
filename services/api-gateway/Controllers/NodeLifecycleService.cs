using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Controllers;

/// <summary>
/// The node lifecycle controller: every second it asks each node grain whether its heartbeats are
/// within the grace period. A node that turns NotReady has its pods marked Failed (NodeLost), so their
/// ReplicaSets recreate them on healthy nodes; the node grain stops them if the node comes back.
/// </summary>
public sealed partial class NodeLifecycleService(IGrainFactory grains, ILogger<NodeLifecycleService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, bool> lastReady = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
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
            var ready = await grains.GetGrain<INodeGrain>(name).CheckLiveness();
            var wasReady = lastReady.GetValueOrDefault(name, true);
            lastReady[name] = ready;
            if (wasReady && !ready)
            {
                await EvictPods(name);
            }
        }
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

    [LoggerMessage(LogLevel.Warning, "Node liveness check failed; the next check retries")]
    private partial void LogCheckFailed(Exception e);
}
