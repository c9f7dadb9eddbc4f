using Platform.Api.Model;

namespace Platform.Grains.Workloads;

/// <summary>A Deployment's status from its ReplicaSets, with the Available and Progressing conditions kubectl rollout status reads.</summary>
public static class DeploymentStatusBuilder
{
    public static DeploymentStatus Build(Deployment deployment, ReplicaSet current, IReadOnlyList<ReplicaSet> old, DateTimeOffset now)
    {
        var all = old.Append(current).ToList();
        var desired = deployment.Spec.Replicas ?? 1;
        var available = all.Sum(r => r.Status?.AvailableReplicas ?? 0);
        var updated = current.Status?.Replicas ?? 0;
        var replicas = all.Sum(r => r.Status?.Replicas ?? 0);
        var (_, maxUnavailable) = RolloutPlanner.Limits(deployment.Spec);
        var complete = updated == desired && replicas == desired && available == desired
            && (current.Status?.ObservedGeneration ?? 0) >= (current.Metadata.Generation ?? 1);
        var previous = deployment.Status?.Conditions;
        return new DeploymentStatus
        {
            ObservedGeneration = deployment.Metadata.Generation,
            Replicas = replicas,
            UpdatedReplicas = updated,
            ReadyReplicas = all.Sum(r => r.Status?.ReadyReplicas ?? 0),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, Math.Max(desired, replicas) - available),
            Conditions =
            [
                Condition(previous, "Available", available >= desired - maxUnavailable,
                    available >= desired - maxUnavailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    available >= desired - maxUnavailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
                Condition(previous, "Progressing", true,
                    complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    complete ? $"ReplicaSet \"{current.Metadata.Name}\" has successfully progressed." : $"ReplicaSet \"{current.Metadata.Name}\" is progressing.", now),
            ],
        };
    }

    /// <summary>Keeps the times of a condition that did not change, so a status that says the same thing compares equal.</summary>
    private static WorkloadCondition Condition(List<WorkloadCondition>? previous, string type, bool value, string reason, string message, DateTimeOffset now)
    {
        var status = value ? "True" : "False";
        var before = previous?.FirstOrDefault(c => c.Type == type);
        var same = before is not null && before.Status == status && before.Reason == reason && before.Message == message;
        return new WorkloadCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = same ? before!.LastUpdateTime : now,
            LastTransitionTime = before is not null && before.Status == status ? before.LastTransitionTime : now,
        };
    }
}
