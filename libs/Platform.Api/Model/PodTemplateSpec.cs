namespace Platform.Api.Model;

/// <summary>The pod a controller stamps out: metadata (labels) and a pod spec.</summary>
public sealed class PodTemplateSpec
{
    public ObjectMeta Metadata { get; set; } = new();
    public PodSpec Spec { get; set; } = new();
}
