namespace Platform.Api.Model;

/// <summary>A pod: one or more containers scheduled together onto one node.</summary>
public sealed class Pod : TypeMeta, IApiObject
{
    public const string KindName = "Pod";

    public ObjectMeta Metadata { get; set; } = new();
    public PodSpec Spec { get; set; } = new();
    public PodStatus? Status { get; set; }
}

public sealed class PodSpec
{
    public List<Container> Containers { get; set; } = [];
    public string? RestartPolicy { get; set; }
    public string? NodeName { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
    public List<Volume>? Volumes { get; set; }
    public PodSecurityContext? SecurityContext { get; set; }
    public Dictionary<string, string>? NodeSelector { get; set; }
    public Affinity? Affinity { get; set; }
    public List<Toleration>? Tolerations { get; set; }
    public bool? HostNetwork { get; set; }
}

public sealed class Container
{
    public string? Name { get; set; }
    public string? Image { get; set; }
    public List<string>? Command { get; set; }
    public List<string>? Args { get; set; }
    public string? WorkingDir { get; set; }
    public List<EnvVar>? Env { get; set; }
    public ResourceRequirements? Resources { get; set; }
    public List<VolumeMount>? VolumeMounts { get; set; }
    public SecurityContext? SecurityContext { get; set; }
    public List<ContainerPort>? Ports { get; set; }
    public Probe? ReadinessProbe { get; set; }
    public Probe? LivenessProbe { get; set; }
}

public sealed class EnvVar
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class ResourceRequirements
{
    public Dictionary<string, string>? Requests { get; set; }
    public Dictionary<string, string>? Limits { get; set; }
}

/// <summary>The restart policies a pod may ask for, with Kubernetes' default.</summary>
public static class RestartPolicies
{
    public const string Always = "Always";
    public const string OnFailure = "OnFailure";
    public const string Never = "Never";
    public static readonly IReadOnlyList<string> All = [Always, OnFailure, Never];
}
