using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class BalancedAllocationScoreTests
{
    private readonly BalancedAllocationScore score = new();

    [Fact]
    public void EqualSharesScore100() =>
        Assert.Equal(100.0, score.Score(Pod(1000, 2 * Gi), Node("node-a")));

    [Fact]
    public void AQuarterOfCpuAndHalfOfMemoryScores87AndAHalf() =>
        // |0.25 - 0.5| / 2 = 0.125 → 87.5.
        Assert.Equal(87.5, score.Score(Pod(1000, 4 * Gi), Node("node-a")));

    [Fact]
    public void WhatIsAlreadyReservedCounts() =>
        // cpu (2000 + 1000) / 4000 = 0.75, memory (0 + 2Gi) / 8Gi = 0.25 → 100 × (1 - 0.25) = 75.
        Assert.Equal(75.0, score.Score(Pod(1000, 2 * Gi), Node("node-a", allocatedCpu: 2000)));

    [Fact]
    public void SharesAreCappedAtOne() =>
        // cpu 8000 / 4000 capped to 1, memory 0 → 50.
        Assert.Equal(50.0, score.Score(Pod(8000, 0), Node("node-a")));

    [Fact]
    public void AnEmptyRequestOnAnEmptyNodeIsBalanced() =>
        Assert.Equal(100.0, score.Score(Pod(), Node("node-a")));
}
