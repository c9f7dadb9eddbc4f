using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public sealed class AutoscalerValidatorTests
{
    private static HorizontalPodAutoscaler Hpa(Action<HorizontalPodAutoscalerSpec>? change = null)
    {
        var hpa = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web" },
                MaxReplicas = 4,
            },
        };
        change?.Invoke(hpa.Spec);
        AutoscalingDefaults.Apply(hpa, "default");
        return hpa;
    }

    private static string Single(HorizontalPodAutoscaler hpa) => Assert.Single(AutoscalerValidator.Validate(hpa)).ToString();

    [Fact]
    public void TheDefaultsAreKubernetes()
    {
        var hpa = Hpa();

        Assert.Empty(AutoscalerValidator.Validate(hpa));
        Assert.Equal(1, hpa.Spec.MinReplicas);
        var metric = Assert.Single(hpa.Spec.Metrics!);
        Assert.Equal(("Resource", "cpu", "Utilization", 80), (metric.Type, metric.Resource!.Name, metric.Resource.Target.Type, metric.Resource.Target.AverageUtilization));
        Assert.Equal((0, "Max"), (hpa.Spec.Behavior!.ScaleUp!.StabilizationWindowSeconds, hpa.Spec.Behavior.ScaleUp.SelectPolicy));
        Assert.Equal([("Pods", 4, 15), ("Percent", 100, 15)], hpa.Spec.Behavior.ScaleUp.Policies!.Select(p => (p.Type, p.Value, p.PeriodSeconds)));
        Assert.Equal(300, hpa.Spec.Behavior.ScaleDown!.StabilizationWindowSeconds);
        Assert.Equal([("Percent", 100, 15)], hpa.Spec.Behavior.ScaleDown.Policies!.Select(p => (p.Type!, p.Value, p.PeriodSeconds)));
    }

    [Fact]
    public void AGivenDirectionKeepsWhatItSetsAndGetsTheRestDefaulted()
    {
        var hpa = Hpa(s => s.Behavior = new HorizontalPodAutoscalerBehavior { ScaleDown = new HpaScalingRules { StabilizationWindowSeconds = 10 } });

        Assert.Equal(10, hpa.Spec.Behavior!.ScaleDown!.StabilizationWindowSeconds);
        Assert.Equal("Max", hpa.Spec.Behavior.ScaleDown.SelectPolicy);
        Assert.Single(hpa.Spec.Behavior.ScaleDown.Policies!);
        Assert.Equal(2, hpa.Spec.Behavior.ScaleUp!.Policies!.Count);
    }

    [Fact]
    public void TheTargetMustBeANamedDeployment()
    {
        Assert.Equal("spec.scaleTargetRef.name: Required value", Single(Hpa(s => s.ScaleTargetRef.Name = null)));
        Assert.Equal("spec.scaleTargetRef.kind: Required value", Single(Hpa(s => s.ScaleTargetRef.Kind = null)));
        Assert.Equal("spec.scaleTargetRef.kind: Unsupported value: \"StatefulSet\": supported values: \"Deployment\"", Single(Hpa(s => s.ScaleTargetRef.Kind = "StatefulSet")));
    }

    [Fact]
    public void MinAndMaxReplicasAreBounded()
    {
        Assert.Equal("spec.minReplicas: Invalid value: \"0\": must be greater than or equal to 1", Single(Hpa(s => s.MinReplicas = 0)));
        Assert.Equal("spec.maxReplicas: Invalid value: \"2\": must be greater than or equal to `minReplicas`", Single(Hpa(s => (s.MinReplicas, s.MaxReplicas) = (3, 2))));
        Assert.Equal("spec.maxReplicas: Invalid value: \"0\": must be greater than 0", Single(Hpa(s => s.MaxReplicas = 0)));
    }

    [Fact]
    public void MetricsNameTheFieldThatIsWrong()
    {
        Assert.Equal("spec.metrics[0].resource.name: Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\"",
            Single(Hpa(s => s.Metrics = [AutoscalingDefaults.CpuUtilization(50)]).With(h => h.Spec.Metrics![0].Resource!.Name = "gpu")));
        Assert.Equal("spec.metrics[0].resource.target.averageUtilization: Invalid value: \"0\": must be greater than 0",
            Single(Hpa(s => s.Metrics = [AutoscalingDefaults.CpuUtilization(0)])));
        Assert.Equal("spec.metrics[0].type: Unsupported value: \"External\": supported values: \"Resource\", \"Pods\"",
            Single(Hpa(s => s.Metrics = [new MetricSpec { Type = "External" }])));
        Assert.Equal("spec.metrics[0].resource: Required value: must populate information for the given metric source",
            Single(Hpa(s => s.Metrics = [new MetricSpec { Type = "Resource" }])));
    }

    [Fact]
    public void RequestsPerSecondIsAPodsMetricWithAnAverageValue()
    {
        MetricSpec Rps(string? name, string type, string? value) => new()
        {
            Type = "Pods",
            Pods = new PodsMetricSource { Metric = new MetricIdentifier { Name = name }, Target = new MetricTarget { Type = type, AverageValue = value } },
        };

        Assert.Empty(AutoscalerValidator.Validate(Hpa(s => s.Metrics = [Rps("requests_per_second", "AverageValue", "10")])));
        Assert.Equal("spec.metrics[0].pods.metric.name: Unsupported value: \"latency\": supported values: \"requests_per_second\"",
            Single(Hpa(s => s.Metrics = [Rps("latency", "AverageValue", "10")])));
        Assert.Equal("spec.metrics[0].pods.target.averageValue: Invalid value: \"-1\": must be positive",
            Single(Hpa(s => s.Metrics = [Rps("requests_per_second", "AverageValue", "-1")])));
        Assert.Equal("spec.metrics[0].pods.target.type: Unsupported value: \"Utilization\": supported values: \"AverageValue\"",
            Single(Hpa(s => s.Metrics = [Rps("requests_per_second", "Utilization", "10")])));
    }

    [Fact]
    public void BehaviorRulesAreBounded()
    {
        Assert.Equal("spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: \"3601\": must be less than or equal to 3600",
            Single(Hpa(s => s.Behavior = new() { ScaleDown = new() { StabilizationWindowSeconds = 3601 } })));
        Assert.Equal("spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Fastest\": supported values: \"Disabled\", \"Max\", \"Min\"",
            Single(Hpa(s => s.Behavior = new() { ScaleUp = new() { SelectPolicy = "Fastest" } })));
        Assert.Equal("spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: \"1801\": must be less than or equal to 1800",
            Single(Hpa(s => s.Behavior = new() { ScaleUp = new() { Policies = [new() { Type = "Pods", Value = 1, PeriodSeconds = 1801 }] } })));
        Assert.Equal("spec.behavior.scaleUp.policies[0].value: Invalid value: \"0\": must be greater than zero",
            Single(Hpa(s => s.Behavior = new() { ScaleUp = new() { Policies = [new() { Type = "Pods", Value = 0, PeriodSeconds = 15 }] } })));
    }
}

internal static class HpaTestExtensions
{
    public static HorizontalPodAutoscaler With(this HorizontalPodAutoscaler hpa, Action<HorizontalPodAutoscaler> change)
    {
        change(hpa);
        return hpa;
    }
}
