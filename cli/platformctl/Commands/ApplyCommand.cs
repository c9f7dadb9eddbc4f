using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Api.Serialization;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>
/// `apply -f FILE|DIR|-`: creates or updates every object of the manifest. A failing document is
/// reported and the rest still applied; the exit code is 1 if any failed.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CommandRunner runner)
    {
        var filename = new Option<string>("--filename", "-f")
        {
            Description = "The manifest (YAML or JSON), a directory of them, or - for stdin",
            Required = true,
        };
        var command = new Command("apply", "Create or update resources from a manifest") { filename };
        runner.Attach(command, (context, cancellationToken) => RunAsync(context, context.Get(filename)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string source, CancellationToken cancellationToken)
    {
        var documents = await ManifestSource.ReadAsync(source, context.Host.In, cancellationToken);
        if (documents.Count == 0)
        {
            throw new CliException("no objects passed to apply");
        }

        var failures = 0;
        foreach (var document in documents)
        {
            failures += await ApplyOneAsync(context, document, cancellationToken) ? 0 : 1;
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<bool> ApplyOneAsync(CliContext context, ManifestDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await DocumentApplier.ApplyAsync(context, document.Content, cancellationToken);
            await context.Out.WriteLineAsync(outcome.AsMemory(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ApiException or CliException)
        {
            await ErrorReport.WriteAsync(context.Error, e, cancellationToken);
            return false;
        }
        catch (ManifestFormatException e)
        {
            await ErrorReport.WriteAsync(context.Error, new CliException($"{document.Origin}: {e.Message}"), cancellationToken);
            return false;
        }
    }
}

/// <summary>One object of a manifest and where it came from ("web.yaml, document 2"), for messages.</summary>
internal sealed record ManifestDocument(JsonObject Content, string Origin);
