using Platform.Api.Model;
using Platform.Contracts;

namespace Platform.Grains.Abstractions;

/// <summary>One pod: its spec, its status and its place in the lifecycle. Keyed by <see cref="GrainKeys.Pod"/>.</summary>
/// <remarks>Update replaces labels and annotations only (pods are immutable); Delete starts graceful deletion: the node stops the pod, then it disappears.</remarks>
public interface IPodGrain : IObjectGrain<Pod>
{
    /// <summary>Its node is lost: the pod is Failed (NodeLost) so that its owner recreates it elsewhere.</summary>
    Task MarkNodeLost(string nodeName);

    /// <summary>Binds the pod to a node. Idempotent for the same node; refused if bound elsewhere or gone.</summary>
    Task<BindResult> Bind(string uid, string nodeName);

    /// <summary>
    /// Records why the pod fits on no node now: PodScheduled=False, reason Unschedulable, with the
    /// scheduler's message. Ignored for another uid or once the pod is bound or being deleted.
    /// </summary>
    Task RecordUnschedulable(string uid, string message);

    /// <summary>Applies what the node observed; stale and foreign reports are ignored.</summary>
    Task ReportStatus(PodStatusChanged report);

    /// <summary>Re-sends whatever message this pod still waits on: scheduling, starting on its node, or stopping.</summary>
    Task Resync(TimeSpan olderThan);
}
