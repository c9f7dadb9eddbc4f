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
}
