using Platform.Grains.Abstractions;
using Platform.Scheduling;

namespace Platform.Scheduler;

/// <summary>Reads the nodes from their grains as placement candidates.</summary>
public sealed class ClusterView(IGrainFactory grains)
{
    public async Task<IReadOnlyList<NodeCandidate>> Nodes()
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        var snapshots = await Task.WhenAll(names.Select(n => grains.GetGrain<INodeGrain>(n).GetSnapshot()));
        return snapshots.OfType<NodeSnapshot>()
            .Select(s => new NodeCandidate(s.Name, s.Ready, s.Unschedulable, s.Allocatable, s.Allocated, s.PodCount, s.MaxPods))
            .ToList();
    }
}
