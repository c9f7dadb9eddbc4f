using System.CommandLine;
using System.Reflection;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>`version [--client]`: the CLI's version, then the server's.</summary>
internal static class VersionCommand
{
    public static Command Create(CommandRunner runner)
    {
        var clientOnly = new Option<bool>("--client") { Description = "Print only the client version" };
        var command = new Command("version", "Print the client and server versions") { clientOnly };
        Examples.Add(command, ("The versions of platformctl and of the server", "platformctl version"), ("Only platformctl's, without asking the server", "platformctl version --client"));
        runner.Attach(command, (context, cancellationToken) => RunAsync(context, context.Get(clientOnly), cancellationToken));
        return command;
    }

    public static string ClientVersion()
    {
        var version = typeof(VersionCommand).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "v" + (plus < 0 ? version : version[..plus]);
    }

    private static async Task<int> RunAsync(CliContext context, bool clientOnly, CancellationToken cancellationToken)
    {
        await context.Out.WriteLineAsync($"Client Version: {ClientVersion()}".AsMemory(), cancellationToken);
        if (clientOnly)
        {
            return ExitCodes.Success;
        }

        var server = await context.Api.GetAsync(ApiPaths.Version, cancellationToken);
        var serverVersion = server["gitVersion"]?.ToString() ?? "unknown";
        await context.Out.WriteLineAsync($"Server Version: {serverVersion}".AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }
}
