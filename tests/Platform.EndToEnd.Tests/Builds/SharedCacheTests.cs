using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Builds;

/// <summary>
/// The build cache lives in the image store: a second node agent, with an empty node directory, reuses
/// what the first built. It runs on a cluster of its own: the second agent registers as a node, and the
/// scheduler must not place other tests' pods on it.
/// </summary>
[Collection(BuildClusterCollection.Name)]
public sealed class SharedCacheTests(PlatformCluster cluster)
{
    [Fact]
    public async Task A_build_on_another_node_reuses_the_layers_the_first_node_built()
    {
        var id = Guid.NewGuid().ToString("N");
        var dockerfile = $"""
            FROM busybox:latest
            RUN echo {id} > /first
            COPY data.txt /data.txt
            RUN cat /first /data.txt > /both
            """;
        using var context = new BuildContext(cluster, dockerfile);
        context.Write("data.txt", "data\n");
        var other = await cluster.StartExtraNodeAgentAsync("e2e-builder-" + id[..6]);

        var onFirst = await context.BuildAsync("shared-cache:1", "--node-agent", $"http://127.0.0.1:{PortOf(cluster)}");
        Assert.True(onFirst.ExitCode == 0, onFirst.Output + onFirst.Errors);
        var onSecond = await context.BuildAsync("shared-cache:1", "--node-agent", other.ToString());

        Assert.True(onSecond.ExitCode == 0, onSecond.Output + onSecond.Errors);
        Assert.Equal([2, 3, 4], BuildContext.CachedSteps(onSecond.Output));
        Assert.Equal(BuildContext.Digest(onFirst.Output), BuildContext.Digest(onSecond.Output));

        // A new last step runs on the second node on top of layers it fetches from the image store.
        context.Write("Dockerfile", dockerfile + "\nRUN cat /both");
        var extended = await context.BuildAsync("shared-cache:2", "--node-agent", other.ToString());
        Assert.True(extended.ExitCode == 0, extended.Output + extended.Errors);
        Assert.Equal([2, 3, 4], BuildContext.CachedSteps(extended.Output));
        Assert.Contains($"{id}\ndata\n", extended.Output);
    }

    private static int PortOf(PlatformCluster cluster) => cluster.AgentPort;
}

[CollectionDefinition(Name)]
public sealed class BuildClusterCollection : ICollectionFixture<PlatformCluster>
{
    public const string Name = "build-cluster";
}
