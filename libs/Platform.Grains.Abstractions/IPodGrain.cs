using Platform.Api.Model;
using Platform.Contracts;

namespace Platform.Grains.Abstractions;

/// <summary>One pod: its spec, its status and its place in the lifecycle. Keyed by <see cref="GrainKeys.Pod"/>.</summary>
public interface IPodGrain : IGrainWithStringKey
{
    Task<Pod?> Get();

    /// <summary>Stores a new pod and asks for it to be scheduled; refused if a pod of that name exists.</summary>
    Task<WriteResult<Pod>> Create(Pod pod);

    /// <summary>Replaces labels and annotations; any change of spec is refused (pods are immutable).</summary>
    Task<WriteResult<Pod>> Update(Pod pod);

    /// <summary>Starts graceful deletion: the node stops the pod, then the pod disappears.</summary>
    Task<WriteResult<Pod>> Delete();

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
