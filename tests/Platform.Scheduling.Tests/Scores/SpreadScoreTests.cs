using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class SpreadScoreTests
{
    private readonly SpreadScore score = new();
    private readonly PodRequest web = Pod() with { Labels = Labels("app=web", "hash=1") };

    [Fact]
    public void CountsPodsOfTheSameNamespaceWithTheSameLabels()
    {
        var node = Node("node-a") with
        {
            Pods =
            [
                new PlacedPod("default", Labels("app=web", "hash=1")),
                new PlacedPod("default", Labels("hash=1", "app=web")),
                new PlacedPod("other", Labels("app=web", "hash=1")),
                new PlacedPod("default", Labels("app=web")),
                new PlacedPod("default", Labels("app=web", "hash=1", "extra=x")),
                new PlacedPod("default", null),
                new PlacedPod(null, null),
            ],
        };

        Assert.Equal(2.0, score.Score(web, node));
    }

    [Fact]
    public void APodWithoutLabelsHasNothingToSpread() =>
        Assert.Equal(0.0, score.Score(Pod(), Node("node-a") with { Pods = [new PlacedPod("default", null)] }));

    [Fact]
    public void TheNodeWithFewestScoresBest() =>
        Assert.Equal([100.0, 50.0, 0.0, 75.0], score.Normalize([0, 2, 4, 1]));
}
