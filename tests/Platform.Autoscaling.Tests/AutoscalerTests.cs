using Platform.Api.Model;
using static Platform.Autoscaling.Tests.Pods;

namespace Platform.Autoscaling.Tests;

/// <summary>Whole decisions: bounds, several metrics, failures, the conditions, and a simulated controller loop.</summary>
public class AutoscalerTests
{
    private static readonly HorizontalPodAutoscalerBehavior Defaults = new()
    {
        ScaleUp = AutoscalingDefaults.ScaleUp(),
        ScaleDown = AutoscalingDefaults.ScaleDown(),
    };

    private static MetricResult Cpu(int replicas) =>
        new("cpu resource utilization (percentage of request)", "FailedGetResourceMetric", new MetricProposal(replicas, 0, 0, replicas, 0, 0, null));

    private static MetricResult Rps(int replicas) =>
        new("pods metric requests_per_second", "FailedGetPodsMetric", new MetricProposal(replicas, 0, null, replicas, 0, 0, null));

    private static MetricResult CpuFailing(string error = "no metrics") =>
        new("cpu resource utilization (percentage of request)", "FailedGetResourceMetric", MetricProposal.Failed(error));

    private static ScaleDecision Decide(int current, params MetricResult[] metrics) =>
        Autoscaler.Decide(new ScaleInput(current, 1, 10, metrics, Now), Defaults, new ScalingHistory());

    private static DecisionCondition Condition(ScaleDecision decision, string type) => decision.Conditions.Single(c => c.Type == type);

    [Fact]
    public void AScaleUpNamesTheMetricAboveTarget()
    {
        var decision = Decide(2, Cpu(4));

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.True(decision.Rescale);
        Assert.Equal("cpu resource utilization (percentage of request) above target", decision.RescaleReason);
        Assert.Equal(new DecisionCondition("ScalingActive", true, "ValidMetricFound", "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)"), Condition(decision, "ScalingActive"));
        Assert.Equal(new DecisionCondition("ScalingLimited", false, "DesiredWithinRange", "the desired count is within the acceptable range"), Condition(decision, "ScalingLimited"));
    }

    [Fact]
    public void TheLargestProposalOfSeveralMetricsWins()
    {
        var decision = Decide(2, Cpu(3), Rps(5));

        Assert.Equal(5, decision.DesiredReplicas);
        Assert.Equal("pods metric requests_per_second above target", decision.RescaleReason);
    }

    [Fact]
    public void MaxReplicasLimitsAScaleUp()
    {
        var decision = Autoscaler.Decide(new ScaleInput(3, 1, 4, [Cpu(9)], Now), Defaults, new ScalingHistory());

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Equal(new DecisionCondition("ScalingLimited", true, "TooManyReplicas", "the desired replica count is more than the maximum replica count"), Condition(decision, "ScalingLimited"));
    }

    [Fact]
    public void TheRateLimitsAScaleUpBeforeMaxReplicas()
    {
        var decision = Autoscaler.Decide(new ScaleInput(1, 1, 20, [Cpu(12)], Now), Defaults, new ScalingHistory());

        Assert.Equal(5, decision.DesiredReplicas);
        Assert.Equal("ScaleUpLimit", Condition(decision, "ScalingLimited").Reason);
    }

    [Fact]
    public void MinReplicasLimitsAScaleDown()
    {
        var behavior = new HorizontalPodAutoscalerBehavior { ScaleUp = AutoscalingDefaults.ScaleUp(), ScaleDown = new HpaScalingRules { StabilizationWindowSeconds = 0, Policies = AutoscalingDefaults.ScaleDown().Policies } };

        var decision = Autoscaler.Decide(new ScaleInput(4, 2, 10, [Cpu(1)], Now), behavior, new ScalingHistory());

        Assert.Equal(2, decision.DesiredReplicas);
        Assert.Equal("All metrics below target", decision.RescaleReason);
        Assert.Equal("TooFewReplicas", Condition(decision, "ScalingLimited").Reason);
    }

    [Fact]
    public void ReplicasOutsideTheBoundsGoToTheBoundWhateverTheMetrics()
    {
        var above = Autoscaler.Decide(new ScaleInput(12, 1, 10, [Cpu(20)], Now), Defaults, new ScalingHistory());
        var below = Autoscaler.Decide(new ScaleInput(1, 3, 10, [CpuFailing()], Now), Defaults, new ScalingHistory());

        Assert.Equal((10, "Current number of replicas above Spec.MaxReplicas"), (above.DesiredReplicas, above.RescaleReason));
        Assert.Equal((3, "Current number of replicas below Spec.MinReplicas"), (below.DesiredReplicas, below.RescaleReason));
        Assert.Equal("TooManyReplicas", Condition(above, "ScalingLimited").Reason);
        Assert.Equal("TooFewReplicas", Condition(below, "ScalingLimited").Reason);
    }

    [Fact]
    public void ATargetScaledToZeroDisablesAutoscaling()
    {
        var decision = Decide(0, Cpu(3));

        Assert.False(decision.Rescale);
        Assert.Equal(new DecisionCondition("ScalingActive", false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero"), Condition(decision, "ScalingActive"));
    }

    [Fact]
    public void WhenEveryMetricFailsNothingScales()
    {
        var decision = Decide(3, CpuFailing("unable to get metrics for resource cpu"));

        Assert.False(decision.Rescale);
        Assert.Equal(3, decision.DesiredReplicas);
        Assert.Equal("FailedGetResourceMetric", decision.MetricsFailureReason);
        Assert.Equal("invalid metrics (1 invalid out of 1), first error is: unable to get metrics for resource cpu", decision.MetricsFailure);
        Assert.Equal(new DecisionCondition("ScalingActive", false, "FailedGetResourceMetric", "the HPA was unable to compute the replica count: unable to get metrics for resource cpu"), Condition(decision, "ScalingActive"));
    }

    [Fact]
    public void AFailedMetricBlocksAScaleDownButNotAScaleUp()
    {
        var down = Decide(4, Rps(1), CpuFailing());
        var up = Decide(2, Rps(4), CpuFailing());

        Assert.False(down.Rescale);
        Assert.NotNull(down.MetricsFailure);
        Assert.Equal(4, up.DesiredReplicas);
    }

    [Fact]
    public void AScaleDownWaitsForTheDefaultFiveMinuteWindow()
    {
        var history = new ScalingHistory();
        var scaledUp = Autoscaler.Decide(new ScaleInput(2, 1, 10, [Cpu(6)], Now), Defaults, history);
        history.Record(2, 6, Now);

        var soon = Autoscaler.Decide(new ScaleInput(6, 1, 10, [Cpu(2)], Now.AddMinutes(4)), Defaults, history);
        var later = Autoscaler.Decide(new ScaleInput(6, 1, 10, [Cpu(2)], Now.AddMinutes(5).AddSeconds(1)), Defaults, history);

        Assert.Equal(6, scaledUp.DesiredReplicas);
        Assert.Equal((6, false), (soon.DesiredReplicas, soon.Rescale));
        Assert.Equal(new DecisionCondition("AbleToScale", true, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation"), Condition(soon, "AbleToScale"));
        Assert.Equal(2, later.DesiredReplicas);
    }

    [Fact]
    public void ASteadyLoadWithinTheToleranceNeverChangesTheReplicas()
    {
        // Load wobbling ±9 % around the 50 % target, every second for ten minutes.
        var sizes = Simulate(600, 4, second => 50 * (1 + 0.09 * Math.Sin(second / 7.0)));

        Assert.All(sizes, size => Assert.Equal(4, size));
    }

    [Fact]
    public void ALoadSwingingPastTheToleranceScalesUpOnceAndNeverFlapsBack()
    {
        // ±20 % swings: a rise above the tolerance adds pods, the five-minute window keeps them through the dips.
        var sizes = Simulate(280, 4, second => 50 * (1 + 0.2 * Math.Sin(second / 5.0)), totalLoadIsFixed: true);

        var changes = sizes.Zip(sizes.Skip(1)).Count(pair => pair.First != pair.Second);
        Assert.True(changes <= 2, $"replicas changed {changes} times: {string.Join(",", sizes.Distinct())}");
        Assert.True(sizes.Zip(sizes.Skip(1)).All(pair => pair.Second >= pair.First), "replicas went down inside the stabilisation window");
    }

    [Fact]
    public void ALoadStepScalesOutAtOnceAndInAfterTheWindow()
    {
        // 4 pods' worth of work at 50 % for 60 s on one pod, then idle.
        var sizes = Simulate(420, 1, second => second < 60 ? 200 : 5, totalLoadIsFixed: true);

        // The last recommendation of 4 was at second 59: it holds the size until it leaves the 300 s window.
        Assert.Equal(4, sizes[0]);
        Assert.Equal(4, sizes[358]);
        Assert.Equal(1, sizes[359]);
        Assert.Equal(1, sizes[^1]);
    }

    /// <summary>
    /// A controller loop once a second with default behavior and a 50 % CPU target. The load gives each second's
    /// utilisation per pod at the starting size; with <paramref name="totalLoadIsFixed"/> it is a total spread over the
    /// pods (more pods, less each), as real load is. Returns the replicas after every second.
    /// </summary>
    private static List<int> Simulate(int seconds, int start, Func<int, double> load, bool totalLoadIsFixed = false)
    {
        var history = new ScalingHistory();
        var replicas = start;
        var sizes = new List<int>();
        for (var second = 0; second < seconds; second++)
        {
            var now = Now.AddSeconds(second);
            var perPod = totalLoadIsFixed ? load(second) * start / replicas : load(second);
            var pods = Enumerable.Range(0, replicas).Select(i => Running($"p{i}", perPod * 10) with { Metric = new MetricSample(perPod * 10, now, Window) }).ToList();
            var proposal = new ReplicaCalculator(ReplicaCalculator.DefaultTolerance, ReadinessRules.Default).Utilization(pods, replicas, 50, "cpu", now);
            var decision = Autoscaler.Decide(new ScaleInput(replicas, 1, 10, [new MetricResult("cpu", "FailedGetResourceMetric", proposal)], now), Defaults, history);
            if (decision.Rescale)
            {
                history.Record(replicas, decision.DesiredReplicas, now);
                replicas = decision.DesiredReplicas;
            }

            sizes.Add(replicas);
        }

        return sizes;
    }
}
