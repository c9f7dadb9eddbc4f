namespace Platform.Scheduling.Filters;

/// <summary>The pod's requests fit in what the node has not yet reserved; CPU is reported before memory.</summary>
public sealed class ResourcesFitFilter : INodeFilter
{
    public const string InsufficientCpu = "Insufficient cpu";
    public const string InsufficientMemory = "Insufficient memory";

    public string? Reject(PodRequest pod, NodeCandidate node)
    {
        var free = node.Free;
        return pod.Requests.MilliCpu > free.MilliCpu ? InsufficientCpu
            : pod.Requests.MemoryBytes > free.MemoryBytes ? InsufficientMemory
            : null;
    }
}
