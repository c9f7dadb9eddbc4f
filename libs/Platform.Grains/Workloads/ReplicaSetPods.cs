using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Workloads;

/// <summary>The ReplicaSet controller's rules about pods, as pure functions: which count, which go first, what the status says.</summary>
public static class ReplicaSetPods
{
    public static OwnedPod Summarise(Pod pod)
    {
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var isReady = ready?.Status == "True";
        return new OwnedPod(
            pod.Metadata.Name!,
            pod.Metadata.Uid,
            pod.Status?.Phase,
            isReady,
            pod.Metadata.DeletionTimestamp is not null,
            Gone: false,
            Scheduled: pod.Spec.NodeName is not null,
            ReadySince: isReady ? ready!.LastTransitionTime : null,
            CreatedAt: pod.Metadata.CreationTimestamp);
    }

    /// <summary>Counts toward replicas: not being deleted and not finished.</summary>
    public static bool IsActive(OwnedPod pod) => !pod.Deleting && !PodPhases.IsTerminal(pod.Phase);

    /// <summary>Available: ready for at least minReadySeconds.</summary>
    public static bool IsAvailable(OwnedPod pod, int minReadySeconds, DateTimeOffset now) =>
        IsActive(pod) && pod.Ready && (minReadySeconds == 0 || pod.ReadySince is { } since && now - since >= TimeSpan.FromSeconds(minReadySeconds));

    /// <summary>
    /// The pods to delete when scaling down, in Kubernetes' order: unscheduled before scheduled,
    /// pending before running, not ready before ready, the newest first.
    /// </summary>
    public static IReadOnlyList<OwnedPod> ChooseToDelete(IEnumerable<OwnedPod> active, int count) =>
        active
            .OrderBy(p => p.Scheduled)
            .ThenBy(p => p.Phase == PodPhases.Running)
            .ThenBy(p => p.Ready)
            .ThenByDescending(p => p.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>A new pod from the template, owned by the ReplicaSet.</summary>
    public static Pod FromTemplate(ReplicaSet rs, string name)
    {
        var template = Clone(rs.Spec.Template);
        var pod = new Pod
        {
            ApiVersion = "v1",
            Kind = Pod.KindName,
            Metadata = new ObjectMeta
            {
                Name = name,
                GenerateName = rs.Metadata.Name + "-",
                Namespace = rs.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = template.Metadata.Annotations,
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = "apps/v1",
                        Kind = ReplicaSet.KindName,
                        Name = rs.Metadata.Name,
                        Uid = rs.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = template.Spec,
        };
        PodDefaults.Apply(pod, rs.Metadata.Namespace!);
        return pod;
    }

    public static ReplicaSetStatus StatusOf(ReplicaSet rs, IEnumerable<OwnedPod> pods, DateTimeOffset now)
    {
        var active = pods.Where(IsActive).ToList();
        var minReady = rs.Spec.MinReadySeconds ?? 0;
        return new ReplicaSetStatus
        {
            Replicas = active.Count,
            FullyLabeledReplicas = active.Count,
            ReadyReplicas = active.Count(p => p.Ready),
            AvailableReplicas = active.Count(p => IsAvailable(p, minReady, now)),
            ObservedGeneration = rs.Metadata.Generation,
        };
    }

    private static PodTemplateSpec Clone(PodTemplateSpec template) =>
        System.Text.Json.JsonSerializer.Deserialize<PodTemplateSpec>(System.Text.Json.JsonSerializer.Serialize(template, ApiJson.Options), ApiJson.Options)!;
}
