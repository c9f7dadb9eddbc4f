using Platform.Api.Model;
using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class TaintTolerationScoreTests
{
    private readonly TaintTolerationScore score = new();

    private readonly NodeCandidate node = Node("node-a") with
    {
        Taints = [Taint("a", "1", "PreferNoSchedule"), Taint("b", "2", "PreferNoSchedule"), Taint("c", "3", "NoSchedule")],
    };

    [Fact]
    public void CountsUntoleratedPreferNoScheduleTaints() =>
        Assert.Equal(2.0, score.Score(Pod(), node));

    [Fact]
    public void ATolerationForThatEffectOrAnyEffectRemovesOne()
    {
        Assert.Equal(1.0, score.Score(Pod() with { Tolerations = [new Toleration { Key = "a", Value = "1", Effect = "PreferNoSchedule" }] }, node));
        Assert.Equal(1.0, score.Score(Pod() with { Tolerations = [new Toleration { Key = "b", Operator = "Exists" }] }, node));
    }

    [Fact]
    public void ATolerationForAnotherEffectDoesNotCount() =>
        Assert.Equal(2.0, score.Score(Pod() with { Tolerations = [new Toleration { Key = "a", Value = "1", Effect = "NoSchedule" }] }, node));

    [Fact]
    public void FewerIsBetter() =>
        Assert.Equal([100.0, 50.0, 0.0], score.Normalize([0, 1, 2]));

    [Fact]
    public void NoTaintsAnywhereScores100Everywhere() =>
        Assert.Equal([100.0, 100.0], score.Normalize([0, 0]));
}
