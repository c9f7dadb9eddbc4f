using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

public class CompletionTests
{
    [Fact]
    public async Task TheBashScriptAsksPlatformctlThroughTheSuggestDirective()
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync("completion", "bash");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\"", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("complete -o default -F _platformctl_complete platformctl\n", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platformctl ge", "get")]
    [InlineData("platformctl get dep", "deploy")]
    [InlineData("platformctl get dep", "deployments")]
    [InlineData("platformctl get hp", "hpa")]
    [InlineData("platformctl logs --ta", "--tail")]
    [InlineData("platformctl config set-s", "set-server")]
    public async Task TheSuggestDirectiveCompletesVerbsKindsAndOptions(string line, string expected)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.OutLines);
    }
}
