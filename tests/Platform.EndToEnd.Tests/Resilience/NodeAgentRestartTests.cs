using System.Text.Json;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Resilience;

/// <summary>
/// Containers outlive their node agent, as containerd's shims allow: after a graceful restart or a
/// kill -9, a new agent adopts what runs and reports what ended meanwhile with its real exit code.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeAgentRestartTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Ticker = "while true; do echo tick; sleep 0.1; done";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_running_pod_keeps_its_container_and_its_growing_log_across_an_agent_restart_and_can_be_deleted_after(bool crash)
    {
        var name = crash ? "ticking-at-agent-crash" : "ticking-at-agent-restart";
        await cluster.Cli.RunAsync(Manifests.Pod(name, Ticker), "apply", "-f", "-");
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, name, PodPhases.Running, Timeout);
        var containerId = $"{pod.Metadata.Uid}-main";
        var logFile = Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!, "logs", "main.log");
        var pidBefore = InitPid(containerId);
        await Eventually.TrueAsync(() => Task.FromResult(Ticks(logFile) > 0), Timeout, "the first tick");

        var ticksWhileDown = 0;
        await cluster.RestartNodeAgentAsync(crash, whileDown: async () =>
        {
            var ticks = Ticks(logFile);
            await Eventually.TrueAsync(() => Task.FromResult(Ticks(logFile) > ticks + 3), Timeout, "ticks while no agent runs");
            ticksWhileDown = Ticks(logFile) - ticks;
        });

        Assert.True(ticksWhileDown > 3);
        Assert.Equal(pidBefore, InitPid(containerId));
        var ticksAfter = Ticks(logFile);
        await Eventually.TrueAsync(() => Task.FromResult(Ticks(logFile) > ticksAfter), Timeout, "ticks after the restart");
        var adopted = (await ClusterApi.GetPodAsync(cluster.Http, name))!;
        Assert.Equal(PodPhases.Running, adopted.Status!.Phase);
        Assert.Equal(0, adopted.Status.ContainerStatuses!.Single().RestartCount);
        Assert.NotNull(adopted.Status.ContainerStatuses!.Single().State!.Running);
        Assert.Contains("tick", (await cluster.Cli.RunAsync(null, "logs", name)).Output, StringComparison.Ordinal);

        var delete = await cluster.Cli.RunAsync(null, "delete", "pod", name);

        Assert.Equal(0, delete.ExitCode);
        Assert.False(ProcessExists(pidBefore), "the container's process outlived the pod");
        Assert.False(Directory.Exists(Path.Combine(cluster.NodeDirectory, "runtime", containerId)), "the runtime state is left");
        Assert.False(Directory.Exists(Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!)), "the pod directory is left");
        Assert.Empty(LeftoverContainers.MountsUnder(Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!)));
    }

    [Fact]
    public async Task A_container_that_ends_while_no_agent_runs_is_reported_with_its_real_exit_code()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("ends-without-agent", "until [ -f /tmp/go ]; do sleep 0.1; done; echo ending; exit 7"), "apply", "-f", "-");
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "ends-without-agent", PodPhases.Running, Timeout);
        var containerId = $"{pod.Metadata.Uid}-main";
        var runtimeRoot = Path.Combine(cluster.NodeDirectory, "runtime");

        await cluster.RestartNodeAgentAsync(crash: true, whileDown: async () =>
        {
            var exec = await Tool.RunAsync(RepositoryLayout.RuntimeBinary, ["--root", runtimeRoot, "exec", containerId, "--", "touch", "/tmp/go"]);
            Assert.Equal(0, exec.ExitCode);
            await Eventually.TrueAsync(() => Task.FromResult(!Directory.Exists(Path.Combine(runtimeRoot, containerId))), Timeout, "the container to end");
        });

        var failed = await ClusterApi.WaitForPhaseAsync(cluster.Http, "ends-without-agent", PodPhases.Failed, Timeout);
        var terminated = failed.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Equal((7, "Error"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal("ending\n", (await cluster.Cli.RunAsync(null, "logs", "ends-without-agent")).Output);
    }

    [Fact]
    public async Task After_an_agent_restart_finished_pods_keep_their_logs()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("finished-before-agent-restart", "echo kept"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "finished-before-agent-restart", PodPhases.Succeeded, Timeout);

        await cluster.RestartNodeAgentAsync();

        Assert.Equal("kept\n", (await cluster.Cli.RunAsync(null, "logs", "finished-before-agent-restart")).Output);
        Assert.Equal(PodPhases.Succeeded, (await ClusterApi.GetPodAsync(cluster.Http, "finished-before-agent-restart"))!.Status!.Phase);
    }

    private int InitPid(string containerId)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(cluster.NodeDirectory, "runtime", containerId, "state.json")));
        return state.RootElement.GetProperty("pid").GetInt32();
    }

    private static int Ticks(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return 0;
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Count(line => line.EndsWith(" stdout F tick", StringComparison.Ordinal));
    }

    private static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}");
}
