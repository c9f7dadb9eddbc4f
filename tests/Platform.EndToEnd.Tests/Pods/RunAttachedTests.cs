using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// `platformctl run -i [-t] [--rm]` as kubectl run: the command runs attached to the caller's stdin and stdout (exec
/// in the new pod once it runs), its exit code is platformctl's, --rm deletes the pod afterwards, and without --rm
/// the pod ends as a container whose process ended.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunAttachedTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_rm_i_pipes_stdin_to_the_command_returns_its_exit_code_and_deletes_the_pod()
    {
        var run = await cluster.Cli.RunAsync("hello from stdin\n",
            "run", "run-rm-i", "--rm", "-i", "--image", "busybox:latest", "--restart", "Never", "--", "sh", "-c", "read line; echo \"got $line\"; hostname; exit 3");

        Assert.Equal((3, "got hello from stdin\nrun-rm-i\npod \"run-rm-i\" deleted\n"), (run.ExitCode, run.Output));
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "run-rm-i"));
    }

    [Fact]
    public async Task Run_rm_it_gives_the_command_a_terminal_of_the_local_size_and_restores_the_local_terminal()
    {
        var (fileName, leading) = RepositoryLayout.CliCommand;
        var platformctl = string.Join(' ', new[] { fileName }.Concat(leading)
            .Concat(["run", "run-rm-it", "--rm", "-it", "--image", "busybox:latest", "--restart", "Never", "--", "sh", "-c"])
            .Append("'until [ -n \"$(stty size 2>/dev/null)\" ] && [ \"$(stty size)\" != \"0 0\" ]; do sleep 0.1; done; [ -t 0 ] && [ -t 1 ] && echo on-a-terminal; stty size'"));
        var shell = $"stty cols 87 rows 29; {platformctl}; echo; echo after: $(stty -a | grep -o -- '-\\?icanon') $(stty -a | grep -o -- ' -\\?echo ')";

        var result = await Tool.RunAsync("script", ["-q", "-e", "-c", shell, "/dev/null"], cluster.Cli.Variables, input: null);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.Contains("on-a-terminal", result.Output, StringComparison.Ordinal);
        Assert.Contains("29 87", result.Output, StringComparison.Ordinal);
        Assert.Contains("pod \"run-rm-it\" deleted", result.Output, StringComparison.Ordinal);
        Assert.Contains("after: icanon echo", result.Output, StringComparison.Ordinal);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "run-rm-it"));
    }

    [Fact]
    public async Task Without_rm_the_pod_stays_and_finishes_when_the_session_ends()
    {
        var run = await cluster.Cli.RunAsync(null, "run", "run-keep", "-i", "--image", "busybox:latest", "--restart", "Never", "--", "echo", "kept");

        Assert.Equal((0, "kept\n"), (run.ExitCode, run.Output));
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "run-keep", PodPhases.Succeeded, Timeout);
        Assert.Equal("run-keep", pod.Metadata.Labels!["run"]);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", "run-keep")).ExitCode);
    }

    [Fact]
    public async Task A_pod_that_cannot_run_is_reported_and_removed_with_rm()
    {
        var run = await cluster.Cli.RunAsync(null, "run", "run-noimage", "--rm", "-i", "--image", "no-such-image:1", "--restart", "Never", "--pod-running-timeout", "20s", "--", "true");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("run-noimage", run.Errors, StringComparison.Ordinal);
        Assert.Contains("pod \"run-noimage\" deleted", run.Output, StringComparison.Ordinal);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "run-noimage"));
    }
}
