using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Resilience;

[Collection(ClusterCollection.Name)]
public sealed class GatewayRestartTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pods_survive_a_gateway_restart_and_the_cluster_keeps_working()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("before-restart", "echo before"), "apply", "-f", "-");
        var before = await ClusterApi.WaitForPhaseAsync(cluster.Http, "before-restart", PodPhases.Succeeded, Timeout);

        await cluster.RestartGatewayAsync();

        var after = await ClusterApi.GetPodAsync(cluster.Http, "before-restart");
        Assert.NotNull(after);
        Assert.Equal(before.Metadata.Uid, after.Metadata.Uid);
        Assert.Equal(PodPhases.Succeeded, after.Status!.Phase);
        Assert.Equal(PlatformCluster.NodeName, after.Spec.NodeName);

        await cluster.Cli.RunAsync(Manifests.Pod("after-restart", "echo after"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "after-restart", PodPhases.Succeeded, Timeout);
        Assert.Equal("after\n", (await cluster.Cli.RunAsync(null, "logs", "after-restart")).Output);
    }
}
