using Platform.Api.Model;

namespace Platform.Scheduling.Scores;

/// <summary>
/// Prefers the node with the most room left after placing the pod, CPU and memory weighted
/// equally, as Kubernetes' LeastAllocated. A pod that requests nothing counts as a small default
/// (100m CPU, 200 MiB) so empty requests still spread.
/// </summary>
public sealed class LeastAllocatedScore : INodeScore
{
    public static readonly ResourceAmounts NonZeroDefault = new(100, 200L * 1024 * 1024);

    public double Score(PodRequest pod, NodeCandidate node)
    {
        var requests = new ResourceAmounts(
            pod.Requests.MilliCpu == 0 ? NonZeroDefault.MilliCpu : pod.Requests.MilliCpu,
            pod.Requests.MemoryBytes == 0 ? NonZeroDefault.MemoryBytes : pod.Requests.MemoryBytes);
        var after = node.Allocated + requests;
        return (FreeShare(after.MilliCpu, node.Allocatable.MilliCpu) + FreeShare(after.MemoryBytes, node.Allocatable.MemoryBytes)) / 2;
    }

    private static double FreeShare(long used, long capacity) =>
        capacity <= 0 || used >= capacity ? 0 : 100.0 * (capacity - used) / capacity;
}
