using Platform.Scheduling.Scores;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Scores;

public class ImageLocalityScoreTests
{
    private readonly ImageLocalityScore score = new();

    private readonly PodRequest pod = Pod() with
    {
        ImageLayers = new Dictionary<string, long> { ["sha256:base"] = 30 * Mi, ["sha256:app"] = 10 * Mi },
    };

    [Fact]
    public void ANodeWithEveryLayerScores100() =>
        Assert.Equal(100.0, score.Score(pod, Node("node-a") with { ImageLayers = new HashSet<string> { "sha256:base", "sha256:app", "sha256:x" } }));

    [Fact]
    public void ANodeWithTheBaseLayerScoresItsShareOfTheBytes() =>
        Assert.Equal(75.0, score.Score(pod, Node("node-a") with { ImageLayers = new HashSet<string> { "sha256:base" } }));

    [Fact]
    public void ANodeWithNoneOfTheLayersScoresZero() =>
        Assert.Equal(0.0, score.Score(pod, Node("node-a") with { ImageLayers = new HashSet<string> { "sha256:other" } }));

    [Fact]
    public void AnImageNoNodeHasPulledScoresZero() =>
        Assert.Equal(0.0, score.Score(Pod(), Node("node-a") with { ImageLayers = new HashSet<string> { "sha256:base" } }));
}
