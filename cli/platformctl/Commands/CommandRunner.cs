using System.CommandLine;
using Platform.Cli.Config;

namespace Platform.Cli.Commands;

/// <summary>
/// Runs a command's body with its context (configuration resolved, API client made) and turns every
/// failure into one line on stderr and exit code 1.
/// </summary>
internal sealed class CommandRunner(CliHost host, GlobalOptions globals)
{
    public delegate Task<int> Body(CliContext context, CancellationToken cancellationToken);

    public void Attach(Command command, Body body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));

    private async Task<int> RunAsync(ParseResult parseResult, Body body, CancellationToken cancellationToken)
    {
        try
        {
            var overrides = globals.ReadOverrides(parseResult);
            var config = await CliConfigResolver.ResolveAsync(overrides, host.Environment, cancellationToken);
            using var context = new CliContext(parseResult, config, host);
            return await body(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception failure)
        {
            await ErrorReport.WriteAsync(host, failure, CancellationToken.None);
            return ExitCodes.Failure;
        }
    }
}
