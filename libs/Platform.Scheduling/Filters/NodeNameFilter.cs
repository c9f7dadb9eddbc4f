namespace Platform.Scheduling.Filters;

/// <summary>A pod that names its node (spec.nodeName) can only go there.</summary>
public sealed class NodeNameFilter : INodeFilter
{
    public const string Reason = "node(s) didn't match the requested node name";

    public string? Reject(PodRequest pod, NodeCandidate node) =>
        pod.RequiredNodeName is { } required && required != node.Name ? Reason : null;
}
