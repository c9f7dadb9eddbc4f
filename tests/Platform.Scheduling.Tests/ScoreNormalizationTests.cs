namespace Platform.Scheduling.Tests;

public class ScoreNormalizationTests
{
    [Fact]
    public void ToHighestScalesTheMaximumTo100() =>
        Assert.Equal([100.0, 50.0, 0.0], ScoreNormalization.ToHighest([8, 4, 0]));

    [Fact]
    public void ReversedScalesTheMaximumToZero() =>
        Assert.Equal([0.0, 50.0, 100.0], ScoreNormalization.Reversed([8, 4, 0]));

    [Fact]
    public void NoFeasibleNodesGiveNoScores()
    {
        Assert.Empty(ScoreNormalization.ToHighest([]));
        Assert.Empty(ScoreNormalization.Reversed([]));
    }
}
