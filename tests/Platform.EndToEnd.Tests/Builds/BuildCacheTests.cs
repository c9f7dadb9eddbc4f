using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Builds;

/// <summary>The cache rules of issue #5, step by step, with real builds on the node agent and a real image store.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BuildCacheTests(PlatformCluster cluster)
{
    /// <summary>RUN_ID keeps tests of one cluster (one shared cache) from reusing each other's steps.</summary>
    private static readonly string Dockerfile = """
        FROM busybox:latest
        WORKDIR /app
        ENV GREETING=hello RUN_ID=RUN
        COPY files/ /app/files/
        RUN echo "$GREETING from the build" > /app/greeting && cat /app/files/a.txt
        RUN ls /app/files | wc -l > /app/count
        CMD ["cat", "/app/greeting"]
        """;

    [Fact]
    public async Task Changing_line_n_reruns_from_n_and_changing_a_copied_file_reruns_from_that_copy()
    {
        var dockerfile = Dockerfile.Replace("RUN_ID=RUN", "RUN_ID=" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        using var context = new BuildContext(cluster, dockerfile);
        context.Write("files/a.txt", "first content\n");
        context.Write("files/b.txt", "b\n");

        var cold = await context.BuildAsync("cache-rules:1");
        Assert.True(cold.ExitCode == 0, cold.Output + cold.Errors);
        // Only WORKDIR /app on busybox may come from another test's build (the cache is the cluster's).
        Assert.DoesNotContain(BuildContext.CachedSteps(cold.Output), step => step > 2);
        Assert.Equal(7, BuildContext.StepCount(cold.Output));
        Assert.Contains("first content", cold.Output);
        Assert.StartsWith("sha256:", BuildContext.Digest(cold.Output));

        var warm = await context.BuildAsync("cache-rules:1");
        Assert.Equal(0, warm.ExitCode);
        Assert.Equal([2, 3, 4, 5, 6, 7], BuildContext.CachedSteps(warm.Output));
        Assert.DoesNotContain("first content", warm.Output);
        Assert.Equal(BuildContext.Digest(cold.Output), BuildContext.Digest(warm.Output));

        // Line 5 changes: 2-4 still cached, 5 onwards run.
        context.Write("Dockerfile", dockerfile.Replace("from the build", "from the changed build", StringComparison.Ordinal));
        var changedLine = await context.BuildAsync("cache-rules:2", "--explain");
        Assert.Equal(0, changedLine.ExitCode);
        Assert.Equal([2, 3, 4], BuildContext.CachedSteps(changedLine.Output));
        Assert.Contains("cache miss: the instruction changed", changedLine.Output);

        // A copied file changes: 2-3 cached, from the COPY (4) on everything runs.
        context.Write("files/a.txt", "second content\n");
        var changedFile = await context.BuildAsync("cache-rules:3", "--explain");
        Assert.Equal(0, changedFile.ExitCode);
        Assert.Equal([2, 3], BuildContext.CachedSteps(changedFile.Output));
        Assert.Contains("cache miss: copied files changed: files/a.txt", changedFile.Output);
        Assert.Contains("second content", changedFile.Output);

        // --no-cache runs everything again, and gives the same layers: same digest as the cached build.
        var noCache = await context.BuildAsync("cache-rules:3", "--no-cache", "-q");
        Assert.Equal(0, noCache.ExitCode);
        Assert.Equal(BuildContext.Digest(changedFile.Output) + "\n", noCache.Output);
    }

    [Fact]
    public async Task The_built_image_runs_as_a_pod()
    {
        using var context = new BuildContext(cluster, Dockerfile);
        context.Write("files/a.txt", "a\n");
        var build = await context.BuildAsync("runs-as-pod:1", "-q");
        Assert.True(build.ExitCode == 0, build.Errors);

        var pod = Manifests.Pod("built-image", "cat /app/greeting /app/count").Replace("busybox:latest", "runs-as-pod:1", StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.Cli.RunAsync(pod, "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "built-image", Platform.Api.Model.PodPhases.Succeeded, TimeSpan.FromSeconds(60));
        Assert.Equal("hello from the build\n1\n", (await cluster.Cli.RunAsync(null, "logs", "built-image")).Output);
        await cluster.Cli.RunAsync(null, "delete", "pod", "built-image");
    }

    [Fact]
    public async Task Reordering_so_rare_changes_come_first_pays_off()
    {
        // Dependencies first, sources last: a source change reruns only the steps after the source COPY.
        using var context = new BuildContext(cluster, """
            FROM busybox:latest
            COPY deps.txt /deps.txt
            RUN cp /deps.txt /installed
            COPY src/ /src/
            RUN cat /src/main.txt
            """);
        context.Write("deps.txt", "deps\n");
        context.Write("src/main.txt", "v1\n");
        var first = await context.BuildAsync("reorder:1");
        Assert.True(first.ExitCode == 0, first.Output + first.Errors);

        context.Write("src/main.txt", "v2\n");
        var rebuild = await context.BuildAsync("reorder:1");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output + rebuild.Errors);
        Assert.Equal([2, 3], BuildContext.CachedSteps(rebuild.Output));
    }
}
