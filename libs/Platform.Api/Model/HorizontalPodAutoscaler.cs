namespace Platform.Api.Model;

/// <summary>autoscaling/v2 HorizontalPodAutoscaler: keeps a Deployment's replicas where its pods' metrics meet their targets.</summary>
public sealed class HorizontalPodAutoscaler : TypeMeta, IApiObject
{
    public const string KindName = "HorizontalPodAutoscaler";

    public ObjectMeta Metadata { get; set; } = new();
    public HorizontalPodAutoscalerSpec Spec { get; set; } = new();
    public HorizontalPodAutoscalerStatus? Status { get; set; }
}

public sealed class HorizontalPodAutoscalerSpec
{
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();
    public int? MinReplicas { get; set; }
    public int MaxReplicas { get; set; }
    public List<MetricSpec>? Metrics { get; set; }
    public HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}

public sealed class CrossVersionObjectReference
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? ApiVersion { get; set; }
}

/// <summary>One metric to scale on: a resource of the pods (cpu, memory) or a per-pod metric (requests_per_second).</summary>
public sealed class MetricSpec
{
    /// <summary>Resource, Pods (Object, External and ContainerResource are not served).</summary>
    public string? Type { get; set; }
    public ResourceMetricSource? Resource { get; set; }
    public PodsMetricSource? Pods { get; set; }
}

public sealed class ResourceMetricSource
{
    public string? Name { get; set; }
    public MetricTarget Target { get; set; } = new();
}

public sealed class PodsMetricSource
{
    public MetricIdentifier Metric { get; set; } = new();
    public MetricTarget Target { get; set; } = new();
}

public sealed class MetricIdentifier
{
    public string? Name { get; set; }
    public LabelSelector? Selector { get; set; }
}

public sealed class MetricTarget
{
    /// <summary>Utilization, Value or AverageValue.</summary>
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? AverageValue { get; set; }
    public int? AverageUtilization { get; set; }
}

/// <summary>How fast the autoscaler may move: stabilisation windows and rate policies, per direction.</summary>
public sealed class HorizontalPodAutoscalerBehavior
{
    public HpaScalingRules? ScaleUp { get; set; }
    public HpaScalingRules? ScaleDown { get; set; }
}

public sealed class HpaScalingRules
{
    public int? StabilizationWindowSeconds { get; set; }

    /// <summary>Max (default), Min or Disabled.</summary>
    public string? SelectPolicy { get; set; }
    public List<HpaScalingPolicy>? Policies { get; set; }
}

public sealed class HpaScalingPolicy
{
    /// <summary>Pods or Percent.</summary>
    public string? Type { get; set; }
    public int Value { get; set; }
    public int PeriodSeconds { get; set; }
}

public sealed class HorizontalPodAutoscalerStatus
{
    public long? ObservedGeneration { get; set; }
    public DateTimeOffset? LastScaleTime { get; set; }
    public int? CurrentReplicas { get; set; }
    public int DesiredReplicas { get; set; }
    public List<MetricStatus>? CurrentMetrics { get; set; }
    public List<HorizontalPodAutoscalerCondition>? Conditions { get; set; }
}

public sealed class MetricStatus
{
    public string? Type { get; set; }
    public ResourceMetricStatus? Resource { get; set; }
    public PodsMetricStatus? Pods { get; set; }
}

public sealed class ResourceMetricStatus
{
    public string? Name { get; set; }
    public MetricValueStatus Current { get; set; } = new();
}

public sealed class PodsMetricStatus
{
    public MetricIdentifier Metric { get; set; } = new();
    public MetricValueStatus Current { get; set; } = new();
}

public sealed class MetricValueStatus
{
    public string? Value { get; set; }
    public string? AverageValue { get; set; }
    public int? AverageUtilization { get; set; }
}

/// <summary>AbleToScale, ScalingActive or ScalingLimited, with the reason of the last decision.</summary>
public sealed class HorizontalPodAutoscalerCondition
{
    public string? Type { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? LastTransitionTime { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
}

/// <summary>The names autoscaling/v2 uses.</summary>
public static class HpaNames
{
    public const string ResourceMetric = "Resource";
    public const string PodsMetric = "Pods";
    public const string Utilization = "Utilization";
    public const string AverageValue = "AverageValue";
    public const string Value = "Value";
    public const string SelectMax = "Max";
    public const string SelectMin = "Min";
    public const string SelectDisabled = "Disabled";
    public const string PodsPolicy = "Pods";
    public const string PercentPolicy = "Percent";

    /// <summary>The per-pod request rate the ingress measures, offered as a Pods metric.</summary>
    public const string RequestsPerSecond = "requests_per_second";
}
