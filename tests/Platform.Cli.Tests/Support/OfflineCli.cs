using Platform.Cli.Config;

namespace Platform.Cli.Tests.Support;

/// <summary>
/// Runs platformctl in this process for commands that need no server (help, run --dry-run, config,
/// completion, bad arguments), with its own home directory and environment; stdin, stdout and stderr
/// are not terminals unless asked.
/// </summary>
internal sealed class OfflineCli(string home, IReadOnlyDictionary<string, string>? variables = null)
{
    public bool OutputIsTerminal { get; init; }

    public string Input { get; init; } = string.Empty;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var host = new CliHost(
            new StringReader(Input),
            output,
            error,
            CliEnvironment.FromDictionary(variables ?? new Dictionary<string, string>(), home),
            TimeProvider.System,
            TimeZoneInfo.Utc,
            () => new SocketsHttpHandler(),
            ErrorIsTerminal: OutputIsTerminal,
            OutputIsTerminal: OutputIsTerminal);
        var exitCode = await CliApp.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
