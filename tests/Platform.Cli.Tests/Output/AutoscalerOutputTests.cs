using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class AutoscalerOutputTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    private static HorizontalPodAutoscaler Sample()
    {
        var hpa = new HorizontalPodAutoscaler
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default", CreationTimestamp = Created },
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web" },
                MaxReplicas = 4,
                Metrics =
                [
                    AutoscalingDefaults.CpuUtilization(50),
                    new MetricSpec
                    {
                        Type = "Pods",
                        Pods = new PodsMetricSource { Metric = new MetricIdentifier { Name = "requests_per_second" }, Target = new MetricTarget { Type = "AverageValue", AverageValue = "10" } },
                    },
                ],
            },
            Status = new HorizontalPodAutoscalerStatus
            {
                CurrentReplicas = 3,
                DesiredReplicas = 4,
                CurrentMetrics =
                [
                    new MetricStatus { Type = "Resource", Resource = new ResourceMetricStatus { Name = "cpu", Current = new MetricValueStatus { AverageUtilization = 75, AverageValue = "75m" } } },
                    new MetricStatus { Type = "" },
                ],
                Conditions =
                [
                    new HorizontalPodAutoscalerCondition { Type = "AbleToScale", Status = "True", Reason = "SucceededRescale", Message = "the HPA controller was able to update the target scale to 4" },
                    new HorizontalPodAutoscalerCondition { Type = "ScalingActive", Status = "True", Reason = "ValidMetricFound", Message = "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)" },
                ],
            },
        };
        AutoscalingDefaults.Apply(hpa, "default");
        return hpa;
    }

    [Fact]
    public void TheTableShowsCurrentAndTargetOfEachMetric()
    {
        var text = AutoscalerColumns.Table([Sample()], TableOptions.Default, Created.AddMinutes(3));

        Assert.Equal(
            """
            NAME   REFERENCE        TARGETS                      MINPODS   MAXPODS   REPLICAS   AGE
            web    Deployment/web   cpu: 75%/50%, <unknown>/10   1         4         3          3m

            """,
            text);
    }

    [Fact]
    public void DescribeShowsMetricsBehaviorAndConditions()
    {
        var text = DescribeAutoscaler.Render(Sample(), TimeZoneInfo.Utc);

        Assert.Equal(
            """
            Name:                                                  web
            Namespace:                                             default
            Labels:                                                <none>
            Annotations:                                           <none>
            CreationTimestamp:                                     Sun, 29 Nov 2026 04:00:00 +0000
            Reference:                                             Deployment/web
            Metrics:                                               ( current / target )
              resource cpu on pods  (as a percentage of request):  75% (75m) / 50%
              "requests_per_second" on pods:                       <unknown> / 10
            Min replicas:                                          1
            Max replicas:                                          4
            Behavior:
              Scale Up:
                Stabilization Window: 0 seconds
                Select Policy: Max
                Policies:
                  - Type: Pods     Value: 4    Period: 15 seconds
                  - Type: Percent  Value: 100  Period: 15 seconds
              Scale Down:
                Stabilization Window: 300 seconds
                Select Policy: Max
                Policies:
                  - Type: Percent  Value: 100  Period: 15 seconds
            Deployment pods:  3 current / 4 desired
            Conditions:
              Type            Status   Reason             Message
              AbleToScale     True     SucceededRescale   the HPA controller was able to update the target scale to 4
              ScalingActive   True     ValidMetricFound   the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)

            """,
            text);
    }

    [Fact]
    public void EventsAreListedOldestFirstWithTheirRepeats()
    {
        var events = new[]
        {
            new Event { Type = "Normal", Reason = "SuccessfulRescale", Message = "New size: 1; reason: All metrics below target", Source = new EventSource { Component = "horizontal-pod-autoscaler" }, FirstTimestamp = Created.AddMinutes(2), LastTimestamp = Created.AddMinutes(2), Count = 1 },
            new Event { Type = "Normal", Reason = "SuccessfulRescale", Message = "New size: 4; reason: cpu resource utilization (percentage of request) above target", Source = new EventSource { Component = "horizontal-pod-autoscaler" }, FirstTimestamp = Created, LastTimestamp = Created.AddSeconds(30), Count = 2 },
        };

        var text = DescribeEvents.Render(events, Created.AddMinutes(3));

        Assert.Equal(
            """
            Events:
              Type     Reason              Age                  From                        Message
              ----     ------              ----                 ----                        -------
              Normal   SuccessfulRescale   2m30s (x2 over 3m)   horizontal-pod-autoscaler   New size: 4; reason: cpu resource utilization (percentage of request) above target
              Normal   SuccessfulRescale   60s                  horizontal-pod-autoscaler   New size: 1; reason: All metrics below target

            """,
            text);
    }
}
