using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Workloads;

/// <summary>Wrong command lines of get -w, scale and rollout: one line, exit code 1, no request (nothing listens on port 1).</summary>
public class WorkloadArgumentTests
{
    private const string NoServer = "http://127.0.0.1:1";

    [Theory]
    [InlineData("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", "scale", "deployment", "web")]
    [InlineData("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", "scale", "deploy/web", "--replicas", "-1")]
    [InlineData("error: cannot scale pod/web: only deployments are supported (deployment NAME or deploy/NAME)", "scale", "pod/web", "--replicas", "2")]
    [InlineData("error: resource name may not be empty (usage: platformctl scale deployment NAME)", "scale", "deployment", "--replicas", "2")]
    [InlineData("error: you must provide one or more resources by argument or filename (usage: platformctl scale deployment NAME, or -f FILE)", "scale", "--replicas", "2")]
    [InlineData("error: --current-replicas must be 0 or more", "scale", "deploy/web", "--replicas", "2", "--current-replicas", "-2")]
    [InlineData("error: the path \"missing.yaml\" does not exist", "scale", "-f", "missing.yaml", "--replicas", "2")]
    [InlineData("error: cannot rollout status node/n1: only deployments are supported (deployment NAME or deploy/NAME)", "rollout", "status", "node/n1")]
    [InlineData("error: invalid argument \"soon\" for \"--timeout\": expected a duration such as 30s, 5m or 1h30m", "rollout", "status", "deploy/web", "--timeout", "soon")]
    [InlineData("error: rollout status takes exactly one deployment", "rollout", "status", "deployment", "a", "b")]
    [InlineData("error: --to-revision must be 0 (the previous revision) or more", "rollout", "undo", "deploy/web", "--to-revision", "-1")]
    [InlineData("error: --revision must be a positive number", "rollout", "history", "deploy/web", "--revision", "-1")]
    [InlineData("error: watch is only supported on individual resources and resource collections, but 2 resources were named", "get", "pods", "a", "b", "-w")]
    [InlineData("error: name cannot be provided when a selector is specified", "get", "pods", "a", "-l", "app=web", "--watch-only")]
    [InlineData("error: invalid port mapping \"http\": expected [LOCAL_PORT:]REMOTE_PORT, ports from 1 to 65535", "port-forward", "pod/web", "http")]
    public async Task WrongArgumentsAreOneLineAndExitCode1(string message, params string[] args)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync([.. args, "--server", NoServer]);

        Assert.Equal((1, message + "\n", string.Empty), (result.ExitCode, result.Error, result.Out));
    }

    [Fact]
    public async Task AServerThatIsDownIsNamedByEveryVerb()
    {
        using var home = new TempDirectory();
        var cli = new OfflineCli(home.Path);

        foreach (var args in new[] { ["scale", "deploy/web", "--replicas", "2"], ["rollout", "undo", "deploy/web"], new[] { "get", "pods", "-w" } })
        {
            var result = await cli.RunAsync([.. args, "--server", NoServer]);

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("error: cannot reach the Platform API at http://127.0.0.1:1 (connection refused)", result.Error, StringComparison.Ordinal);
        }
    }
}
