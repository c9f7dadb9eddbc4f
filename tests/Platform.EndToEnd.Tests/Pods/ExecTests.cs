using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// `platformctl exec` runs commands in a running pod's container through the gateway's WebSocket stream
/// (v5.channel.k8s.io) and the node agent: output, input, exit codes, errors.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExecTests(PlatformCluster cluster) : IAsyncLifetime
{
    private const string Pod = "exec-target";

    public async Task InitializeAsync() => await ExecTarget.RunningAsync(cluster, Pod);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Platformctl_exec_runs_in_the_pods_container_and_exits_with_the_commands_code()
    {
        var result = await cluster.Cli.RunAsync(null, "exec", Pod, "--", "sh", "-c", "echo out; echo err >&2; hostname; cat /proc/1/cmdline; echo; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"out\n{Pod}\nsleep300\n", result.Output.Replace("\0", "", StringComparison.Ordinal));
        Assert.Equal("err\n", result.Errors);
    }

    [Fact]
    public async Task Platformctl_exec_with_stdin_passes_the_input_to_the_command_and_ends_it()
    {
        var result = await cluster.Cli.RunAsync("first line\nsecond line\n", "exec", "-i", Pod, "-c", "main", "--", "sh", "-c", "cat; echo done");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("first line\nsecond line\ndone\n", result.Output);
    }

    [Fact]
    public async Task Platformctl_exec_with_a_tty_runs_the_command_on_a_terminal()
    {
        var result = await cluster.Cli.RunAsync(null, "exec", "-t", Pod, "--", "sh", "-c", "[ -t 0 ] && [ -t 1 ] && echo on a terminal");

        // The terminal's line discipline turns the newline into CR LF.
        Assert.Equal((0, "on a terminal\r\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Platformctl_exec_names_an_unknown_pod_container_or_command_in_one_line()
    {
        var pod = await cluster.Cli.RunAsync(null, "exec", "no-such-pod", "--", "true");
        var container = await cluster.Cli.RunAsync(null, "exec", Pod, "-c", "sidecar", "--", "true");
        var command = await cluster.Cli.RunAsync(null, "exec", Pod, "--", "no-such-command");

        Assert.Equal((1, "Error from server (NotFound): pods \"no-such-pod\" not found\n"), (pod.ExitCode, pod.Errors));
        Assert.Equal((1, "Error from server (BadRequest): container sidecar is not valid for pod exec-target\n"), (container.ExitCode, container.Errors));
        Assert.Equal((127, "platform-runtime: exec failed: No such file or directory\n"), (command.ExitCode, command.Errors));
    }

}

/// <summary>The long-running pod the exec tests run their commands in, created once per cluster.</summary>
public static class ExecTarget
{
    public static async Task RunningAsync(PlatformCluster cluster, string name)
    {
        if (await ClusterApi.GetPodAsync(cluster.Http, name) is null)
        {
            await cluster.Cli.RunAsync(Manifests.Pod(name, "echo started; exec sleep 300"), "apply", "-f", "-");
        }

        await ClusterApi.WaitForPhaseAsync(cluster.Http, name, PodPhases.Running, TimeSpan.FromSeconds(60));
    }
}
