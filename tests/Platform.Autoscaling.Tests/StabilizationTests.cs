using static Platform.Autoscaling.Tests.Pods;

namespace Platform.Autoscaling.Tests;

/// <summary>The stabilisation windows: the highest recent recommendation bounds a scale-down, the lowest a scale-up.</summary>
public class StabilizationTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void AScaleDownWaitsForTheHighestRecommendationOfTheWindow()
    {
        var history = new ScalingHistory();
        history.Recommendations.Add(new Recommendation(6, Now.AddMinutes(-4)));
        history.Recommendations.Add(new Recommendation(4, Now.AddMinutes(-2)));

        var result = Stabilization.Apply(history, 2, 6, TimeSpan.Zero, FiveMinutes, Now);

        Assert.Equal(6, result.Replicas);
        Assert.Equal("ScaleDownStabilized", result.Reason);
    }

    [Fact]
    public void RecommendationsOlderThanTheWindowNoLongerHoldItBack()
    {
        var history = new ScalingHistory();
        history.Recommendations.Add(new Recommendation(6, Now.AddMinutes(-6)));
        history.Recommendations.Add(new Recommendation(4, Now.AddMinutes(-2)));

        Assert.Equal(4, Stabilization.Apply(history, 2, 6, TimeSpan.Zero, FiveMinutes, Now).Replicas);
    }

    [Fact]
    public void AScaleUpWindowTakesTheLowestRecommendation()
    {
        var history = new ScalingHistory();
        history.Recommendations.Add(new Recommendation(3, Now.AddSeconds(-30)));

        var result = Stabilization.Apply(history, 8, 2, TimeSpan.FromMinutes(1), FiveMinutes, Now);

        Assert.Equal(3, result.Replicas);
        Assert.Equal("ScaleUpStabilized", result.Reason);
    }

    [Fact]
    public void WithoutAScaleUpWindowAScaleUpIsImmediate()
    {
        var history = new ScalingHistory();
        history.Recommendations.Add(new Recommendation(1, Now.AddSeconds(-1)));

        var result = Stabilization.Apply(history, 5, 1, TimeSpan.Zero, FiveMinutes, Now);

        Assert.Equal(5, result.Replicas);
        Assert.Equal("ReadyForNewScale", result.Reason);
    }

    [Fact]
    public void EveryRecommendationIsRemembered()
    {
        var history = new ScalingHistory();

        Stabilization.Apply(history, 3, 2, TimeSpan.Zero, FiveMinutes, Now);

        Assert.Equal([new Recommendation(3, Now)], history.Recommendations);
    }

    [Fact]
    public void AfterARestartNothingScalesDownForAWholeWindow()
    {
        var history = ScalingHistory.AfterRestart(5, Now);

        Assert.Equal(5, Stabilization.Apply(history, 1, 5, TimeSpan.Zero, FiveMinutes, Now.AddMinutes(4)).Replicas);
        Assert.Equal(1, Stabilization.Apply(new ScalingHistory { Recommendations = [new Recommendation(5, Now)] }, 1, 5, TimeSpan.Zero, FiveMinutes, Now.AddMinutes(5)).Replicas);
    }
}
