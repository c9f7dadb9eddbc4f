using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Commands;

/// <summary>Wrong command lines: exit code 1 and one readable line, before anything is sent to a server.</summary>
public class BadArgumentTests
{
    // Nothing listens on port 1: a command that got as far as the network would say so instead.
    private const string NoServer = "http://127.0.0.1:1";

    [Theory]
    [InlineData("error: the server doesn't have a resource type \"widgets\"", "get", "widgets")]
    [InlineData("error: unable to match a printer suitable for the output format \"xml\", allowed formats are: json, yaml, name, wide, jsonpath=TEMPLATE", "get", "pods", "-o", "xml")]
    [InlineData("error: template format specified but no template given: use -o jsonpath='{.metadata.name}'", "get", "pods", "-o", "jsonpath=")]
    [InlineData("error: error parsing jsonpath {.items[}: unterminated array index at 7", "get", "pods", "-o", "jsonpath={.items[}")]
    [InlineData("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form", "get", "pod/a", "b")]
    [InlineData("error: resource name may not be empty (usage: platformctl describe pod NAME)", "describe", "pod")]
    [InlineData("error: resource name may not be empty (usage: platformctl delete deployment NAME)", "delete", "deploy")]
    [InlineData("error: you must provide one or more resources by argument or filename (usage: platformctl delete TYPE NAME, or -f FILE)", "delete")]
    [InlineData("error: name the objects either with -f or as TYPE NAME, not both", "delete", "pod", "-f", "x.yaml")]
    [InlineData("error: the path \"missing.yaml\" does not exist", "create", "-f", "missing.yaml")]
    [InlineData("error: invalid argument \"5 minutes\" for \"--since\": expected a duration such as 30s, 5m or 1h30m", "logs", "hello", "--since", "5 minutes")]
    [InlineData("error: --tail must be 0 or more", "logs", "hello", "--tail", "-3")]
    [InlineData("error: logs are only available for pods, not \"node/n1\"", "logs", "node/n1")]
    [InlineData("error: invalid env: \"JUSTAKEY\": expected KEY=VALUE", "run", "x", "--image", "busybox", "--env", "JUSTAKEY")]
    [InlineData("error: invalid label spec: \"app\": expected key=value", "run", "x", "--image", "busybox", "--labels", "app")]
    [InlineData("error: --command needs the command after --, e.g. -- sh -c 'echo hi'", "run", "x", "--image", "busybox", "--command")]
    [InlineData("error: invalid server address \"ftp://x\": expected http://HOST:PORT or https://HOST:PORT", "config", "set-server", "ftp://x")]
    public async Task WrongArgumentsAreOneLineAndExitCode1(string message, params string[] args)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync([.. args, "--server", NoServer]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message + "\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("run", "x")]
    [InlineData("run", "x", "--image", "busybox", "--restart", "Sometimes")]
    [InlineData("completion", "fish")]
    [InlineData("get")]
    public async Task ParseErrorsExitNonZeroWithoutOutput(params string[] args)
    {
        using var home = new TempDirectory();

        var result = await new OfflineCli(home.Path).RunAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task ErrorsAreRedOnlyOnATerminal()
    {
        using var home = new TempDirectory();

        var onTerminal = await new OfflineCli(home.Path) { OutputIsTerminal = true }.RunAsync("get", "widgets");
        var withNoColor = await new OfflineCli(home.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }) { OutputIsTerminal = true }.RunAsync("get", "widgets");
        var piped = await new OfflineCli(home.Path).RunAsync("get", "widgets");

        Assert.Equal("\u001b[31merror: the server doesn't have a resource type \"widgets\"\u001b[0m\n", onTerminal.Error);
        Assert.Equal("error: the server doesn't have a resource type \"widgets\"\n", withNoColor.Error);
        Assert.Equal("error: the server doesn't have a resource type \"widgets\"\n", piped.Error);
    }
}
