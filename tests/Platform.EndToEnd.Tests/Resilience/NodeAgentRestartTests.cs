using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Resilience;

[Collection(ClusterCollection.Name)]
public sealed class NodeAgentRestartTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_an_agent_restart_finished_pods_keep_their_logs_and_running_ones_are_reported_stopped()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("finished-before-agent-restart", "echo kept"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "finished-before-agent-restart", PodPhases.Succeeded, Timeout);
        await cluster.Cli.RunAsync(Manifests.Pod("running-at-agent-restart", "exec sleep 300"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-at-agent-restart", PodPhases.Running, Timeout);

        await cluster.RestartNodeAgentAsync();

        var lost = await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-at-agent-restart", PodPhases.Failed, Timeout);
        Assert.Equal("NodeAgentStopped", lost.Status!.Reason);
        Assert.Equal("NodeAgentStopped", lost.Status.ContainerStatuses!.Single().State!.Terminated!.Reason);
        Assert.Equal("kept\n", (await cluster.Cli.RunAsync(null, "logs", "finished-before-agent-restart")).Output);
        Assert.Equal(PodPhases.Succeeded, (await ClusterApi.GetPodAsync(cluster.Http, "finished-before-agent-restart"))!.Status!.Phase);
    }

    [Fact]
    public async Task After_an_agent_crash_its_running_containers_are_removed_and_their_pods_reported_lost()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("running-at-agent-crash", "exec sleep 300"), "apply", "-f", "-");
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-at-agent-crash", PodPhases.Running, Timeout);
        var containerId = $"{pod.Metadata.Uid}-main";

        await cluster.RestartNodeAgentAsync(crash: true);

        var lost = await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-at-agent-crash", PodPhases.Failed, Timeout);
        Assert.Equal("NodeAgentRestarted", lost.Status!.Reason);
        Assert.False(Directory.Exists(Path.Combine(cluster.NodeDirectory, "runtime", containerId)), "the crashed agent's container still exists");
        Assert.DoesNotContain(pod.Metadata.Uid!, File.ReadAllText("/proc/self/mountinfo"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await Platform.Testing.Tool.RunAsync("ip", ["-o", "link", "show", "master", cluster.Bridge])).Output);
    }
}
