using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

[Collection(ClusterCollection.Name)]
public sealed class HelloPodTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_example_pod_runs_to_success_and_its_output_is_in_its_log()
    {
        var apply = await cluster.Cli.RunAsync(null, "apply", "-f", Manifests.HelloPodFile);
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("pod/hello created\n", apply.Output);

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "hello", PodPhases.Succeeded, Timeout);
        Assert.Equal(PlatformCluster.NodeName, pod.Spec.NodeName);
        Assert.Equal(0, pod.Status!.ContainerStatuses!.Single().State!.Terminated!.ExitCode);

        var logs = await cluster.Cli.RunAsync(null, "logs", "hello");
        Assert.Equal(0, logs.ExitCode);
        Assert.Equal("hello from platform\n", logs.Output);

        var get = await cluster.Cli.RunAsync(null, "get", "pods");
        Assert.Matches(@"(?m)^hello\s+0/1\s+Completed\s+0\s+\S+$", get.Output);

        var delete = await cluster.Cli.RunAsync(null, "delete", "pod", "hello");
        Assert.Equal(0, delete.ExitCode);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "hello"));
    }

    [Fact]
    public async Task A_failing_container_makes_the_pod_fail_with_its_exit_code()
    {
        var apply = await cluster.Cli.RunAsync(Manifests.Pod("fails", "echo about to fail >&2; exit 3"), "apply", "-f", "-");
        Assert.Equal(0, apply.ExitCode);

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "fails", PodPhases.Failed, Timeout);
        var terminated = pod.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Equal(3, terminated.ExitCode);
        Assert.Equal("Error", terminated.Reason);
        Assert.Equal("about to fail\n", (await cluster.Cli.RunAsync(null, "logs", "fails")).Output);
    }

    [Fact]
    public async Task Deleting_a_running_pod_removes_its_container_cgroup_and_writable_layer()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("long-running", "echo up; exec sleep 300"), "apply", "-f", "-");
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "long-running", PodPhases.Running, Timeout);
        var containerId = $"{pod.Metadata.Uid}-main";
        var containerDirectory = Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!, "containers", "main");
        Assert.True(Directory.Exists(Path.Combine(cluster.NodeDirectory, "runtime", containerId)), "the runtime has no such container");

        var delete = await cluster.Cli.RunAsync(null, "delete", "pod", "long-running");

        Assert.Equal(0, delete.ExitCode);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "long-running"));
        Assert.False(Directory.Exists(Path.Combine(cluster.NodeDirectory, "runtime", containerId)), "the container's runtime state is left");
        Assert.False(Directory.Exists($"/sys/fs/cgroup/pids/platform/{containerId}") || Directory.Exists($"/sys/fs/cgroup/platform/{containerId}"), "the container's cgroup is left");
        Assert.False(Directory.Exists(containerDirectory), "the container's writable layer is left");
        Assert.DoesNotContain($" {containerDirectory}", File.ReadAllText("/proc/self/mountinfo"), StringComparison.Ordinal);
    }
}
