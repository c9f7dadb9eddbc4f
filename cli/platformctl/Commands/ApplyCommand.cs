using System.CommandLine;
using Platform.Api.Serialization;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>
/// `apply -f` and `create -f`: one request per document of the manifest. A failing document is
/// reported and the rest still sent; the exit code is 1 if any failed.
/// </summary>
internal static class ApplyCommand
{
    public delegate Task<string> DocumentAction(CliContext context, System.Text.Json.Nodes.JsonObject document, CancellationToken cancellationToken);

    public static Command Create(CommandRunner runner)
    {
        var filename = ManifestOption("The manifest (YAML or JSON, --- between documents), a directory of them, or - for stdin");
        var command = new Command("apply", "Create or update resources from a manifest") { filename };
        Examples.Add(command,
            ("Create or update the objects of a file", "platformctl apply -f examples/hello-pod.yaml"),
            ("Every .yaml, .yml and .json file of a directory", "platformctl apply -f manifests/"),
            ("A manifest from stdin", "cat pod.yaml | platformctl apply -f -"));
        runner.Attach(command, (context, cancellationToken) =>
            RunAsync(context, context.Get(filename)!, "apply", DocumentApplier.ApplyAsync, cancellationToken));
        return command;
    }

    public static Command CreateCreate(CommandRunner runner)
    {
        var filename = ManifestOption("The manifest (YAML or JSON), a directory of them, or - for stdin");
        var command = new Command("create", "Create resources from a manifest; an object that exists already is an error") { filename };
        Examples.Add(command,
            ("Create the pod of a file (fails if it exists)", "platformctl create -f examples/hello-pod.yaml"),
            ("Create from stdin", "cat pod.yaml | platformctl create -f -"));
        runner.Attach(command, (context, cancellationToken) =>
            RunAsync(context, context.Get(filename)!, "create", DocumentApplier.CreateAsync, cancellationToken));
        return command;
    }

    public static Option<string> ManifestOption(string description) => new("--filename", "-f")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };

    public static async Task<int> RunAsync(
        CliContext context, string source, string verb, DocumentAction action, CancellationToken cancellationToken)
    {
        var documents = await ManifestSource.ReadAsync(source, context.Host.In, cancellationToken);
        if (documents.Count == 0)
        {
            throw new CliException($"no objects passed to {verb}");
        }

        var failures = 0;
        foreach (var document in documents)
        {
            failures += await RunOneAsync(context, document, action, cancellationToken) ? 0 : 1;
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<bool> RunOneAsync(CliContext context, ManifestDocument document, DocumentAction action, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await action(context, document.Content, cancellationToken);
            if (outcome.Length > 0)
            {
                await context.Out.WriteLineAsync(outcome.AsMemory(), cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (e is ApiException or CliException)
        {
            await ErrorReport.WriteAsync(context, e, cancellationToken);
            return false;
        }
        catch (ManifestFormatException e)
        {
            await ErrorReport.WriteAsync(context, new CliException($"{document.Origin}: {e.Message}"), cancellationToken);
            return false;
        }
    }
}

/// <summary>One object of a manifest and where it came from ("web.yaml, document 2"), for messages.</summary>
internal sealed record ManifestDocument(System.Text.Json.Nodes.JsonObject Content, string Origin);
