namespace Platform.Api.Model;

/// <summary>autoscaling/v1 Scale: the scale subresource of a Deployment or ReplicaSet (kubectl scale).</summary>
public sealed class Scale : TypeMeta, IApiObject
{
    public ObjectMeta Metadata { get; set; } = new();
    public ScaleSpec Spec { get; set; } = new();
    public ScaleStatus? Status { get; set; }
}

public sealed class ScaleSpec
{
    public int? Replicas { get; set; }
}

public sealed class ScaleStatus
{
    public int Replicas { get; set; }
    public string? Selector { get; set; }
}
