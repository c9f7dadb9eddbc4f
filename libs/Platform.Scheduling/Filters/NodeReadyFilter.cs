namespace Platform.Scheduling.Filters;

public sealed class NodeReadyFilter : INodeFilter
{
    public string? Reject(PodRequest pod, NodeCandidate node) =>
        !node.Ready ? "node is not ready"
        : node.Unschedulable ? "node is unschedulable"
        : null;
}
