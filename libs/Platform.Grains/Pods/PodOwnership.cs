using Platform.Api.Model;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Pods;

/// <summary>What a pod tells the ReplicaSet that owns it, after each change.</summary>
internal static class PodOwnership
{
    public static Task NotifyOwner(this IGrainFactory grains, Pod pod, bool gone)
    {
        var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true && o.Kind == ReplicaSet.KindName);
        if (owner?.Name is null)
        {
            return Task.CompletedTask;
        }

        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var summary = new OwnedPod(
            pod.Metadata.Name!,
            pod.Metadata.Uid,
            pod.Status?.Phase,
            Ready: ready?.Status == "True",
            Deleting: pod.Metadata.DeletionTimestamp is not null,
            Gone: gone,
            Scheduled: pod.Spec.NodeName is not null,
            ReadySince: ready?.Status == "True" ? ready.LastTransitionTime : null,
            CreatedAt: pod.Metadata.CreationTimestamp);
        return grains.GetGrain<IReplicaSetGrain>(GrainKeys.Namespaced(pod.Metadata.Namespace!, owner.Name)).PodChanged(summary);
    }
}
