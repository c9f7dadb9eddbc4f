using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public async Task DryRunPrintsThePodKubectlRunWouldCreate()
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync(
            "run", "hello", "--image", "busybox", "--restart", "Never", "--env", "GREETING=hi there", "--env", "EMPTY=", "--dry-run=client", "--", "echo", "$GREETING");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: hello
              labels:
                run: hello
            spec:
              containers:
              - name: hello
                image: busybox
                args:
                - echo
                - $GREETING
                env:
                - name: GREETING
                  value: hi there
                - name: EMPTY
                  value: ""
              restartPolicy: Never

            """,
            result.Out);
    }

    [Fact]
    public async Task CommandAndLabelsReplaceTheDefaults()
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync(
            "run", "web", "--image", "busybox", "--labels", "app=web,tier=front", "--command", "--dry-run=client", "--", "sh", "-c", "sleep 1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  labels:\n    app: web\n    tier: front\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("    command:\n    - sh\n    - -c\n    - sleep 1\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("  restartPolicy: Always\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttachedRunPodOnlyWaitsAndTheWordsAreNotItsCommand()
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync("run", "tmp", "--image", "busybox", "--rm", "-it", "--restart", "Never", "--dry-run=client", "--", "sh");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    command:\n    - sh\n    - -c\n    - trap 'exit 0' TERM; sleep 2147483647 & wait\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("args:", result.Out, StringComparison.Ordinal);
        Assert.Contains("  restartPolicy: Never\n", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: -i/--stdin is required for containers with -t/--tty=true", "-t", "--", "sh")]
    [InlineData("error: --rm should only be used for attached containers", "--rm", "--", "sh")]
    [InlineData("error: run -i needs the command to run after --, e.g. -- sh (the session execs it in the pod)", "-i", "--rm")]
    [InlineData("error: invalid argument \"soon\" for \"--pod-running-timeout\": expected a duration such as 30s, 5m or 1h30m", "-i", "--pod-running-timeout", "soon", "--", "sh")]
    public async Task AttachFlagsFollowKubectlsRulesWithoutARequest(string message, params string[] flags)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path, new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://127.0.0.1:9" })
            .RunAsync(["run", "tmp", "--image", "busybox", .. flags]);

        Assert.Equal((1, message + "\n"), (result.ExitCode, result.Error));
    }
}
