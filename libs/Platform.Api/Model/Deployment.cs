namespace Platform.Api.Model;

/// <summary>apps/v1 Deployment: keeps a number of replicas of a pod template running, rolling out template changes.</summary>
public sealed class Deployment : TypeMeta, IApiObject
{
    public const string KindName = "Deployment";

    public ObjectMeta Metadata { get; set; } = new();
    public DeploymentSpec Spec { get; set; } = new();
    public DeploymentStatus? Status { get; set; }
}

public sealed class DeploymentSpec
{
    public int? Replicas { get; set; }
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
    public DeploymentStrategy? Strategy { get; set; }
    public int? MinReadySeconds { get; set; }
    public int? RevisionHistoryLimit { get; set; }
    public bool? Paused { get; set; }
    public int? ProgressDeadlineSeconds { get; set; }
}

public sealed class DeploymentStrategy
{
    /// <summary>RollingUpdate (default) or Recreate.</summary>
    public string? Type { get; set; }

    public RollingUpdateDeployment? RollingUpdate { get; set; }
}

public sealed class RollingUpdateDeployment
{
    public IntOrString? MaxUnavailable { get; set; }
    public IntOrString? MaxSurge { get; set; }
}

public sealed class DeploymentStatus
{
    public long? ObservedGeneration { get; set; }
    public int? Replicas { get; set; }
    public int? UpdatedReplicas { get; set; }
    public int? ReadyReplicas { get; set; }
    public int? AvailableReplicas { get; set; }
    public int? UnavailableReplicas { get; set; }
    public List<WorkloadCondition>? Conditions { get; set; }
}

/// <summary>A condition of a Deployment or ReplicaSet (Available, Progressing, ReplicaFailure).</summary>
public sealed class WorkloadCondition
{
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? LastUpdateTime { get; set; }
    public DateTimeOffset? LastTransitionTime { get; set; }
}

public static class DeploymentStrategies
{
    public const string RollingUpdate = "RollingUpdate";
    public const string Recreate = "Recreate";
}
