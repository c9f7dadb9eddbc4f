namespace Platform.Scheduling.Filters;

/// <summary>The node has a pod slot left (its agent's max pods).</summary>
public sealed class MaxPodsFilter : INodeFilter
{
    public const string Reason = "Too many pods";

    public string? Reject(PodRequest pod, NodeCandidate node) => node.PodCount >= node.MaxPods ? Reason : null;
}
