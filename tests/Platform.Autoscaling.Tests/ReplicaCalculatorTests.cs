using static Platform.Autoscaling.Tests.Pods;

namespace Platform.Autoscaling.Tests;

/// <summary>
/// The per-metric arithmetic against the Kubernetes documentation's algorithm details (desired = ceil(current ×
/// current value / target)) and the cases of Kubernetes' replica calculator.
/// </summary>
public class ReplicaCalculatorTests
{
    private readonly ReplicaCalculator calculator = ReplicaCalculator.Default;

    [Fact]
    public void TwiceTheTargetDoublesTheReplicas()
    {
        // "if the current metric value is 200m, and the desired value is 100m, the number of replicas will be doubled"
        var proposal = calculator.AverageValue(WithUsage(200, 200, 200), 3, 100, "cpu", Now);

        Assert.Equal(6, proposal.Replicas);
        Assert.Equal(200, proposal.AverageValue);
    }

    [Fact]
    public void HalfTheTargetHalvesTheReplicas()
    {
        // "If the current value is instead 50m, you'll halve the number of replicas"
        var proposal = calculator.AverageValue(WithUsage(50, 50, 50, 50), 4, 100, "cpu", Now);

        Assert.Equal(2, proposal.Replicas);
    }

    [Fact]
    public void UtilizationAboveTargetScalesUp()
    {
        // 300m + 500m + 700m of 3 × 1 CPU = 50 %, target 30 % → ceil(3 × 50/30) = 5.
        var proposal = calculator.Utilization(WithUsage(300, 500, 700), 3, 30, "cpu", Now);

        Assert.Equal(5, proposal.Replicas);
        Assert.Equal(50, proposal.Utilization);
        Assert.Equal(500, proposal.AverageValue);
    }

    [Fact]
    public void UtilizationBelowTargetScalesDown()
    {
        // 1400m of 5 CPU = 28 %, target 50 % → ceil(5 × 0.56) = 3.
        var proposal = calculator.Utilization(WithUsage(100, 300, 500, 250, 250), 5, 50, "cpu", Now);

        Assert.Equal(3, proposal.Replicas);
        Assert.Equal(28, proposal.Utilization);
    }

    [Theory]
    [InlineData(545, 5)] // 1.09 × target: within 10 %
    [InlineData(455, 5)] // 0.91 × target
    [InlineData(550, 6)] // 1.1: |1 - 1.1| is 0.10000000000000009 in binary floating point, just outside (as in Kubernetes)
    [InlineData(540, 5)] // 1.08
    [InlineData(560, 6)] // 1.12: ceil(5 × 1.12) = 6
    [InlineData(440, 5)] // 0.88: ceil(5 × 0.88) = 5, no change either
    [InlineData(350, 4)] // 0.7: ceil(3.5) = 4
    public void WithinTenPercentOfTheTargetNothingChanges(double usage, int expected)
    {
        var pods = WithUsage(usage, usage, usage, usage, usage);

        var proposal = calculator.Utilization(pods, 5, 50, "cpu", Now);

        Assert.Equal(expected, proposal.Replicas);
    }

    [Fact]
    public void UnreadyPodsCountAsIdleWhenScalingUp()
    {
        // The ready pods run at 60 % (ratio 2); with the unready pod at 0 the ratio is 40/30 → ceil(3 × 1.33) = 4, not 6.
        var pods = new List<PodSample>
        {
            Running("p0", 300, ready: false, readySince: TimeSpan.FromSeconds(5), age: TimeSpan.FromSeconds(20)),
            Running("p1", 500),
            Running("p2", 700),
        };

        var proposal = calculator.Utilization(pods, 3, 30, "cpu", Now);

        Assert.Equal(4, proposal.Replicas);
        Assert.Equal(60, proposal.Utilization);
        Assert.Equal(1, proposal.UnreadyPods);
    }

    [Fact]
    public void UnreadyPodsAreLeftOutWhenScalingDown()
    {
        // Ready pods: 900m of 3 CPU = 30 %, target 50 % → ceil(3 × 0.6) = 2; the two starting pods are not counted.
        var pods = new List<PodSample>
        {
            Running("p0", 100),
            Running("p1", 300),
            Running("p2", 500),
            Running("p3", 250, ready: false, age: TimeSpan.FromSeconds(20), readySince: TimeSpan.FromSeconds(20)),
            Running("p4", 250, ready: false, age: TimeSpan.FromSeconds(20), readySince: TimeSpan.FromSeconds(20)),
        };

        var proposal = calculator.Utilization(pods, 5, 50, "cpu", Now);

        Assert.Equal(2, proposal.Replicas);
    }

    [Fact]
    public void PendingPodsCountAsIdleWhenScalingUp()
    {
        var pods = new List<PodSample> { Running("p0", 900), Running("p1", 900), Pending("p2") };

        // Ready: 90 % vs 50 % (ratio 1.8); with the pending pod at 0: 60 % → ceil(3 × 1.2) = 4.
        var proposal = calculator.Utilization(pods, 3, 50, "cpu", Now);

        Assert.Equal(4, proposal.Replicas);
    }

    [Fact]
    public void AFreshlyReadyPodsCpuSampleIsNotTrustedUntilAWholeWindowFollowsReadiness()
    {
        // Started 40 s ago, ready 10 s ago: its 30 s sample still covers start-up, so it counts as unready.
        var starting = Running("p1", 1000, age: TimeSpan.FromSeconds(40), readySince: TimeSpan.FromSeconds(10));
        var proposal = calculator.Utilization([Running("p0", 1000), starting], 2, 50, "cpu", Now);

        // p0 alone runs at 100 % vs 50 % (ratio 2); with p1 at 0 the ratio is 1: no change, where trusting p1 would give 4.
        Assert.Equal(1, proposal.UnreadyPods);
        Assert.Equal(2, proposal.Replicas);
    }

    [Fact]
    public void MemoryIgnoresReadinessOfRunningPods()
    {
        var pods = new List<PodSample>
        {
            Running("p0", 800, ready: false, age: TimeSpan.FromSeconds(5), readySince: TimeSpan.FromSeconds(5)),
            Running("p1", 800),
        };

        var proposal = calculator.Utilization(pods, 2, 40, "memory", Now);

        Assert.Equal(0, proposal.UnreadyPods);
        Assert.Equal(4, proposal.Replicas);
    }

    [Fact]
    public void MissingMetricsCountAsFullRequestWhenScalingDown()
    {
        // Measured: 2 × 100m of 2 CPU = 10 % vs 50 % (ratio 0.2, down to 1); with the pod without a metric at 100 % of
        // its request: 1200m of 3 CPU = 40 % → ratio 0.8 → ceil(3 × 0.8) = 3: it holds the scale-down back.
        var pods = WithUsage(100, 100, null);

        var proposal = calculator.Utilization(pods, 3, 50, "cpu", Now);

        Assert.Equal(3, proposal.Replicas);
        Assert.Equal(1, proposal.MissingPods);
        Assert.Equal(10, proposal.Utilization);
    }

    [Fact]
    public void MissingMetricsCountAsIdleWhenScalingUp()
    {
        // Measured: 2 × 1000m = 100 % vs 50 % (ratio 2); the missing pod at 0 → 2000/3000 = 66 % → ceil(3 × 1.32) = 4.
        var proposal = calculator.Utilization(WithUsage(1000, 1000, null), 3, 50, "cpu", Now);

        Assert.Equal(4, proposal.Replicas);
    }

    [Fact]
    public void AssumptionsThatReverseTheDirectionMeanNoChange()
    {
        // Measured: 60 % vs 50 % (up, ratio 1.2); two missing pods at 0 → 24 % (down): no change.
        var proposal = calculator.Utilization(WithUsage(600, 600, 600, null, null), 5, 50, "cpu", Now);

        Assert.Equal(5, proposal.Replicas);
    }

    [Fact]
    public void MissingMetricsAtExactlyTheTargetChangeNothing()
    {
        var proposal = calculator.Utilization(WithUsage(1000, null), 2, 100, "cpu", Now);

        Assert.Equal(2, proposal.Replicas);
    }

    [Fact]
    public void AMissingRequestFailsTheMetric()
    {
        var pods = new List<PodSample> { Running("p0", 500), Running("p1", 500) with { Request = null } };

        var proposal = calculator.Utilization(pods, 2, 50, "cpu", Now);

        Assert.False(proposal.Succeeded);
        Assert.Equal("missing request for cpu in pod p1", proposal.Error);
    }

    [Fact]
    public void NoMetricsAtAllFailsTheMetric()
    {
        var proposal = calculator.Utilization(WithUsage(null, null), 2, 50, "cpu", Now);

        Assert.Equal("did not receive metrics for targeted pods (pods might be unready)", proposal.Error);
    }

    [Fact]
    public void NoPodsFailsTheMetric()
    {
        Assert.Equal("no pods returned by selector while calculating replica count", calculator.Utilization([], 1, 50, "cpu", Now).Error);
    }

    [Fact]
    public void DeletingAndFailedPodsAreIgnored()
    {
        var pods = WithUsage(1000, 1000);
        pods.Add(Running("gone", 0) with { Deleting = true });
        pods.Add(Running("failed", 0) with { Phase = "Failed" });

        var proposal = calculator.Utilization(pods, 2, 50, "cpu", Now);

        Assert.Equal(4, proposal.Replicas);
    }

    [Fact]
    public void RequestsPerSecondMissingPodsAssumeTheTargetWhenScalingDown()
    {
        // Measured: 2 pods at 5 rps vs 10 (down, 0.5); the missing pod at 10 → 20/3 = 6.67 → ceil(3 × 0.667) = 2.
        var pods = WithUsage(5, 5, null);

        var proposal = calculator.AverageValue(pods, 3, 10, null, Now);

        Assert.Equal(2, proposal.Replicas);
    }

    [Fact]
    public void RequestsPerSecondTreatsUnreadyPodsAsIdleWhenScalingUp()
    {
        // Ready: 30 rps vs 10 (ratio 3); the pending pod at 0 → 15 → ceil(2 × 1.5) = 3.
        var pods = new List<PodSample> { Running("p0", 30), Pending("p1") };

        var proposal = calculator.AverageValue(pods, 2, 10, null, Now);

        Assert.Equal(3, proposal.Replicas);
    }
}
