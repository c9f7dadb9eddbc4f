using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class LeastAllocatedScoreTests
{
    private readonly LeastAllocatedScore score = new();

    [Fact]
    public void HalfTheNodeLeftAfterPlacingScoresFifty() =>
        Assert.Equal(50.0, score.Score(Pod(1000, 2 * Gi), Node("node-a", allocatedCpu: 1000, allocatedMemory: 2 * Gi)));

    [Fact]
    public void AQuarterOfAnEmptyNodeScoresSeventyFive() =>
        Assert.Equal(75.0, score.Score(Pod(1000, 2 * Gi), Node("node-a")));

    [Fact]
    public void CpuAndMemoryWeighEqually() =>
        Assert.Equal(62.5, score.Score(Pod(1000, 4 * Gi), Node("node-a")));

    [Fact]
    public void AZeroRequestCountsAsTheNonZeroDefault()
    {
        // 100m of 4000m leaves 97.5%; 200Mi of 8Gi leaves 97.55859375%.
        Assert.Equal(97.529296875, score.Score(Pod(), Node("node-a")));
        Assert.Equal(new Platform.Api.Model.ResourceAmounts(100, 200 * Mi), LeastAllocatedScore.NonZeroDefault);
    }

    [Fact]
    public void OnlyTheZeroPartIsDefaulted() =>
        Assert.Equal(92.5, score.Score(Pod(0, Gi), Node("node-a")));

    [Fact]
    public void AFullNodeScoresZero() =>
        Assert.Equal(0.0, score.Score(Pod(1000, 2 * Gi), Node("node-a", allocatedCpu: 3000, allocatedMemory: 6 * Gi)));

    [Fact]
    public void AnOvercommittedResourceScoresZeroNotNegative() =>
        Assert.Equal(37.5, score.Score(Pod(2000, 2 * Gi), Node("node-a", allocatedCpu: 3000)));

    [Fact]
    public void ANodeWithoutCapacityScoresZero() =>
        Assert.Equal(0.0, score.Score(Pod(100, Mi), Node("node-a", milliCpu: 0, memory: 0)));
}
