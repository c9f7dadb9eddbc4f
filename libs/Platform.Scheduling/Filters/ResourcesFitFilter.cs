namespace Platform.Scheduling.Filters;

/// <summary>The pod's requests fit in what the node has not yet reserved, and it has a pod slot left.</summary>
public sealed class ResourcesFitFilter : INodeFilter
{
    public string? Reject(PodRequest pod, NodeCandidate node)
    {
        var free = node.Free;
        return node.PodCount >= node.MaxPods ? "too many pods"
            : pod.Requests.MilliCpu > free.MilliCpu ? "insufficient cpu"
            : pod.Requests.MemoryBytes > free.MemoryBytes ? "insufficient memory"
            : null;
    }
}
