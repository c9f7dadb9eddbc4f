using Platform.Scheduling.Matching;

namespace Platform.Scheduling.Filters;

/// <summary>The node's labels satisfy the pod's spec.nodeSelector and its required node affinity.</summary>
public sealed class NodeAffinityFilter : INodeFilter
{
    public const string Reason = "node(s) didn't match Pod's node affinity/selector";

    public string? Reject(PodRequest pod, NodeCandidate node)
    {
        var required = pod.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        return NodeSelectorMatching.Matches(pod.NodeSelector, node.Labels)
            && (required is null || NodeSelectorMatching.Matches(required, node.Labels))
                ? null
                : Reason;
    }
}
