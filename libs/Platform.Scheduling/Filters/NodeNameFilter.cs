namespace Platform.Scheduling.Filters;

/// <summary>A pod that names its node (spec.nodeName) can only go there.</summary>
public sealed class NodeNameFilter : INodeFilter
{
    public string? Reject(PodRequest pod, NodeCandidate node) =>
        pod.RequiredNodeName is { } required && required != node.Name ? "node does not match spec.nodeName" : null;
}
