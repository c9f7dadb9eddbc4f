using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// `platformctl exec -it` on a real terminal (a pseudo-terminal from util-linux's script): the remote
/// terminal takes the local one's size, and the local terminal is back in its cooked mode afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExecTerminalTests(PlatformCluster cluster)
{
    private const string Pod = "exec-terminal";

    [Fact]
    public async Task Exec_it_sends_the_local_terminal_size_and_restores_the_terminal_mode_afterwards()
    {
        await ExecTarget.RunningAsync(cluster, Pod);
        var (fileName, leading) = RepositoryLayout.CliCommand;
        var platformctl = string.Join(' ', new[] { fileName }.Concat(leading).Append("exec").Append("-it").Append(Pod).Append("--").Append("sh").Append("-c")
            .Append("'until [ -n \"$(stty size 2>/dev/null)\" ] && [ \"$(stty size)\" != \"0 0\" ]; do sleep 0.1; done; stty size'"));
        // The size travels on its own channel next to the command's start: the command waits until it has come.
        // The local terminal gets a size of its own; while exec runs, it is raw (-icanon -echo); after, cooked again.
        var shell = $"stty cols 91 rows 33; {platformctl}; echo; echo after: $(stty -a | grep -o -- '-\\?icanon') $(stty -a | grep -o -- ' -\\?echo ')";

        var result = await Tool.RunAsync("script", ["-q", "-e", "-c", shell, "/dev/null"], cluster.Cli.Variables, input: null);

        Assert.True(result.ExitCode == 0, result.Output + result.Errors);
        Assert.Contains("33 91", result.Output, StringComparison.Ordinal);
        Assert.Contains("after: icanon echo", result.Output, StringComparison.Ordinal);
    }
}
