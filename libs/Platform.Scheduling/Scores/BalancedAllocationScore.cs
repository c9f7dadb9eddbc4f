namespace Platform.Scheduling.Scores;

/// <summary>
/// Prefers the node whose CPU and memory would be used in equal shares after placing the pod, as
/// Kubernetes' NodeResourcesBalancedAllocation: 100 × (1 − the standard deviation of the two shares),
/// which for two resources is 100 × (1 − |cpu share − memory share| / 2). Shares are capped at 1.
/// </summary>
public sealed class BalancedAllocationScore : INodeScore
{
    public double Score(PodRequest pod, NodeCandidate node)
    {
        var after = node.Allocated + pod.Requests;
        var cpu = Share(after.MilliCpu, node.Allocatable.MilliCpu);
        var memory = Share(after.MemoryBytes, node.Allocatable.MemoryBytes);
        return 100.0 * (1 - (Math.Abs(cpu - memory) / 2));
    }

    private static double Share(long used, long capacity) => capacity <= 0 ? 1 : Math.Min(1.0, (double)used / capacity);
}
