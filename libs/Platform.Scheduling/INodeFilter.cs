namespace Platform.Scheduling;

/// <summary>
/// Rules a node out for a pod. Returns why, worded as the Kubernetes scheduler words it so that reasons
/// read the same when counted over nodes ("Insufficient cpu", "node(s) were unschedulable"), or null
/// when the node is feasible.
/// </summary>
public interface INodeFilter
{
    string? Reject(PodRequest pod, NodeCandidate node);
}
