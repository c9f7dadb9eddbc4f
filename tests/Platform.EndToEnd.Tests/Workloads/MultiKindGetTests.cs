using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>`platformctl get deploy,rs` and `get all` against a real Deployment, side by side with the real kubectl's output.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class MultiKindGetTests(PlatformCluster cluster) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);

    [Fact]
    public async Task Get_deploy_rs_and_all_print_what_kubectl_prints()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(WorkloadManifests.Deployment("mk-web", 2), "apply", "-f", "-")).ExitCode);
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "mk-web", Timeout);

        var ours = await cluster.Cli.RunAsync(null, "get", "deploy,rs", "-l", "app=mk-web");
        var theirs = await kubectl.RunAsync(null, "get", "deploy,rs", "-l", "app=mk-web");
        var all = await cluster.Cli.RunAsync(null, "get", "all", "-l", "app=mk-web");
        var allTheirs = await kubectl.RunAsync(null, "get", "all", "-l", "app=mk-web");
        var names = await cluster.Cli.RunAsync(null, "get", "deploy,rs", "-l", "app=mk-web", "-o", "name");

        Assert.Equal(0, ours.ExitCode);
        Assert.Matches(@"^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps/mk-web +2/2 +2 +2 +\S+\n\nNAME +DESIRED +CURRENT +READY +AGE\nreplicaset\.apps/mk-web-\S+ +2 +2 +2 +\S+\n$", ours.Output);
        Assert.True(WithoutAges(theirs.Output) == WithoutAges(ours.Output), $"kubectl printed:\n{theirs.Output}\nplatformctl printed:\n{ours.Output}");
        Assert.True(WithoutAges(allTheirs.Output) == WithoutAges(all.Output), $"kubectl printed:\n{allTheirs.Output}{allTheirs.Errors}\nplatformctl printed:\n{all.Output}");
        Assert.Matches(@"^NAME +READY +STATUS +RESTARTS +AGE\npod/mk-web-\S+ +1/1 +Running", all.Output);
        Assert.Matches(@"^deployment\.apps/mk-web\nreplicaset\.apps/mk-web-\S+\n$", names.Output);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "mk-web")).ExitCode);
    }

    [Fact]
    public async Task Named_objects_of_several_kinds_and_a_missing_one()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(WorkloadManifests.Deployment("mk-named", 1), "apply", "-f", "-")).ExitCode);

        var result = await cluster.Cli.RunAsync(null, "get", "deploy,svc", "mk-named");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NAME       READY", result.Output, StringComparison.Ordinal);
        Assert.Equal("Error from server (NotFound): services \"mk-named\" not found\n", result.Errors);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "mk-named")).ExitCode);
    }

    public void Dispose() => kubectl.Dispose();

    /// <summary>Ages differ by the seconds between the two commands; everything else must not.</summary>
    private static string WithoutAges(string table) => Age().Replace(table, "AGE");

    [GeneratedRegex(@"(?<=\s)(\d+[smhd])+(?=\n)|<unknown>(?=\n)")]
    private static partial Regex Age();
}
