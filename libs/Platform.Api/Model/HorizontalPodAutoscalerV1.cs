namespace Platform.Api.Model;

/// <summary>
/// autoscaling/v1 HorizontalPodAutoscaler: the older shape with one CPU target, still what kubectl 1.32's autoscale
/// sends. It is a view of the stored autoscaling/v2 object (<see cref="AutoscalingV1Conversion"/>).
/// </summary>
public sealed class HorizontalPodAutoscalerV1 : TypeMeta, IApiObject
{
    public ObjectMeta Metadata { get; set; } = new();
    public HorizontalPodAutoscalerSpecV1 Spec { get; set; } = new();
    public HorizontalPodAutoscalerStatusV1? Status { get; set; }
}

public sealed class HorizontalPodAutoscalerSpecV1
{
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();
    public int? MinReplicas { get; set; }
    public int MaxReplicas { get; set; }
    public int? TargetCPUUtilizationPercentage { get; set; }
}

public sealed class HorizontalPodAutoscalerStatusV1
{
    public long? ObservedGeneration { get; set; }
    public DateTimeOffset? LastScaleTime { get; set; }
    public int CurrentReplicas { get; set; }
    public int DesiredReplicas { get; set; }
    public int? CurrentCPUUtilizationPercentage { get; set; }
}

/// <summary>Between autoscaling/v1 and v2, as Kubernetes converts: the v1 CPU target is v2's cpu Utilization metric.</summary>
public static class AutoscalingV1Conversion
{
    public static HorizontalPodAutoscaler ToV2(HorizontalPodAutoscalerV1 v1) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = HorizontalPodAutoscaler.KindName,
        Metadata = v1.Metadata,
        Spec = new HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = v1.Spec.ScaleTargetRef,
            MinReplicas = v1.Spec.MinReplicas,
            MaxReplicas = v1.Spec.MaxReplicas,
            Metrics = v1.Spec.TargetCPUUtilizationPercentage is { } percent ? [AutoscalingDefaults.CpuUtilization(percent)] : null,
        },
    };

    public static HorizontalPodAutoscalerV1 FromV2(HorizontalPodAutoscaler v2)
    {
        var cpu = (v2.Spec.Metrics ?? []).Select((m, i) => (Metric: m, Index: i))
            .FirstOrDefault(p => p.Metric.Resource is { Name: ResourceNames.Cpu, Target.Type: HpaNames.Utilization });
        var current = cpu.Metric is null ? null : v2.Status?.CurrentMetrics?.ElementAtOrDefault(cpu.Index)?.Resource?.Current.AverageUtilization;
        return new HorizontalPodAutoscalerV1
        {
            ApiVersion = "autoscaling/v1",
            Kind = HorizontalPodAutoscaler.KindName,
            Metadata = v2.Metadata,
            Spec = new HorizontalPodAutoscalerSpecV1
            {
                ScaleTargetRef = v2.Spec.ScaleTargetRef,
                MinReplicas = v2.Spec.MinReplicas,
                MaxReplicas = v2.Spec.MaxReplicas,
                TargetCPUUtilizationPercentage = cpu.Metric?.Resource?.Target.AverageUtilization,
            },
            Status = v2.Status is not { } status ? null : new HorizontalPodAutoscalerStatusV1
            {
                ObservedGeneration = status.ObservedGeneration,
                LastScaleTime = status.LastScaleTime,
                CurrentReplicas = status.CurrentReplicas ?? 0,
                DesiredReplicas = status.DesiredReplicas,
                CurrentCPUUtilizationPercentage = current,
            },
        };
    }
}
