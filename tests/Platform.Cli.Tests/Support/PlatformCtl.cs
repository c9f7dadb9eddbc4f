using Platform.Cli.Config;

namespace Platform.Cli.Tests.Support;

/// <summary>What one platformctl command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The last line on stdout: where the image commands print the digest.</summary>
    public string LastLine => OutLines.Length > 0 ? OutLines[^1] : "";
}

/// <summary>
/// Runs platformctl in this process, as a user whose $PLATFORM_REGISTRY is the platform's image
/// store and whose $PLATFORM_TOKEN is its admin token; stderr is not a terminal, so progress comes as lines.
/// </summary>
internal sealed class PlatformCtl(RegistryServers servers, string home)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var variables = new Dictionary<string, string>
        {
            [CliEnvironment.RegistryVariable] = servers.ImageStore,
            [CliEnvironment.TokenVariable] = servers.Token,
        };
        var host = new CliHost(
            TextReader.Null,
            output,
            error,
            CliEnvironment.FromDictionary(variables, home),
            TimeProvider.System,
            TimeZoneInfo.Utc,
            () => new SocketsHttpHandler());
        var exitCode = await CliApp.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command and fails the test, showing stderr, unless it exits 0.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"platformctl {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }
}
