namespace Platform.Api.Model;

/// <summary>
/// The defaults the API server fills into an autoscaling/v2 HorizontalPodAutoscaler, as Kubernetes does: minReplicas 1,
/// cpu at 80 % when no metric is named, and the default behavior per direction (each missing field filled on its own).
/// </summary>
public static class AutoscalingDefaults
{
    public const int DefaultCpuUtilization = 80;
    public const int ScaleDownStabilizationSeconds = 300;

    public static void Apply(HorizontalPodAutoscaler hpa, string @namespace)
    {
        hpa.ApiVersion = "autoscaling/v2";
        hpa.Kind = HorizontalPodAutoscaler.KindName;
        hpa.Metadata.Namespace = @namespace;
        var spec = hpa.Spec;
        spec.MinReplicas ??= 1;
        if (spec.Metrics is null || spec.Metrics.Count == 0)
        {
            spec.Metrics = [CpuUtilization(DefaultCpuUtilization)];
        }

        spec.Behavior ??= new HorizontalPodAutoscalerBehavior();
        spec.Behavior.ScaleUp = Fill(spec.Behavior.ScaleUp, ScaleUp());
        spec.Behavior.ScaleDown = Fill(spec.Behavior.ScaleDown, ScaleDown());
    }

    public static MetricSpec CpuUtilization(int percent) => new()
    {
        Type = HpaNames.ResourceMetric,
        Resource = new ResourceMetricSource
        {
            Name = ResourceNames.Cpu,
            Target = new MetricTarget { Type = HpaNames.Utilization, AverageUtilization = percent },
        },
    };

    /// <summary>Scale up at once, by the larger of doubling or four pods every 15 s.</summary>
    public static HpaScalingRules ScaleUp() => new()
    {
        StabilizationWindowSeconds = 0,
        SelectPolicy = HpaNames.SelectMax,
        Policies =
        [
            new HpaScalingPolicy { Type = HpaNames.PodsPolicy, Value = 4, PeriodSeconds = 15 },
            new HpaScalingPolicy { Type = HpaNames.PercentPolicy, Value = 100, PeriodSeconds = 15 },
        ],
    };

    /// <summary>Scale down to the highest recommendation of the last 5 minutes, any number of pods every 15 s.</summary>
    public static HpaScalingRules ScaleDown() => new()
    {
        StabilizationWindowSeconds = ScaleDownStabilizationSeconds,
        SelectPolicy = HpaNames.SelectMax,
        Policies = [new HpaScalingPolicy { Type = HpaNames.PercentPolicy, Value = 100, PeriodSeconds = 15 }],
    };

    private static HpaScalingRules Fill(HpaScalingRules? given, HpaScalingRules defaults)
    {
        if (given is null)
        {
            return defaults;
        }

        given.StabilizationWindowSeconds ??= defaults.StabilizationWindowSeconds;
        given.SelectPolicy ??= defaults.SelectPolicy;
        given.Policies ??= defaults.Policies;
        return given;
    }
}
