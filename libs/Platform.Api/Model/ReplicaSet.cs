namespace Platform.Api.Model;

/// <summary>apps/v1 ReplicaSet: a number of pods from one template; a Deployment owns one per revision.</summary>
public sealed class ReplicaSet : TypeMeta, IApiObject
{
    public const string KindName = "ReplicaSet";

    public ObjectMeta Metadata { get; set; } = new();
    public ReplicaSetSpec Spec { get; set; } = new();
    public ReplicaSetStatus? Status { get; set; }
}

public sealed class ReplicaSetSpec
{
    public int? Replicas { get; set; }
    public int? MinReadySeconds { get; set; }
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
}

public sealed class ReplicaSetStatus
{
    public int Replicas { get; set; }
    public int? FullyLabeledReplicas { get; set; }
    public int? ReadyReplicas { get; set; }
    public int? AvailableReplicas { get; set; }
    public long? ObservedGeneration { get; set; }
    public List<WorkloadCondition>? Conditions { get; set; }
}
