namespace Platform.Scheduling;

/// <summary>Rules a node out for a pod; returns why, or null when the node is feasible.</summary>
public interface INodeFilter
{
    string? Reject(PodRequest pod, NodeCandidate node);
}
