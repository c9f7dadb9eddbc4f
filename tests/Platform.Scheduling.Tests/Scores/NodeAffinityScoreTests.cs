using Platform.Api.Model;
using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class NodeAffinityScoreTests
{
    private readonly NodeAffinityScore score = new();

    private readonly PodRequest pod = Pod() with
    {
        NodeAffinity = new NodeAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution =
            [
                new PreferredSchedulingTerm { Weight = 30, Preference = Term(Expression("disk", "In", "ssd")) },
                new PreferredSchedulingTerm { Weight = 10, Preference = Term(Expression("zone", "In", "a")) },
            ],
        },
    };

    [Fact]
    public void TheRawScoreIsTheSumOfMatchedWeights()
    {
        Assert.Equal(40.0, score.Score(pod, Node("both") with { Labels = Labels("disk=ssd", "zone=a") }));
        Assert.Equal(30.0, score.Score(pod, Node("disk") with { Labels = Labels("disk=ssd") }));
        Assert.Equal(10.0, score.Score(pod, Node("zone") with { Labels = Labels("zone=a") }));
        Assert.Equal(0.0, score.Score(pod, Node("none")));
    }

    [Fact]
    public void TheBestNodeIsNormalisedTo100() =>
        Assert.Equal([100.0, 75.0, 25.0, 0.0], score.Normalize([40, 30, 10, 0]));

    [Fact]
    public void NoPreferenceMatchedScoresZeroEverywhere() =>
        Assert.Equal([0.0, 0.0], score.Normalize([0, 0]));

    [Fact]
    public void APodWithoutPreferencesScoresZero() =>
        Assert.Equal(0.0, score.Score(Pod(), Node("node-a") with { Labels = Labels("disk=ssd") }));
}
