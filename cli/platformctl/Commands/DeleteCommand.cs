using System.CommandLine;
using Platform.Cli.Client;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// `delete TYPE NAME... | delete -f FILE`: deletes, then (unless --wait=false) waits until each object
/// is really gone, as kubectl does.
/// </summary>
internal static class DeleteCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = ResourceArguments.Type("The resource type (pod, deploy, ...), or TYPE/NAME");
        type.Arity = ArgumentArity.ZeroOrOne;
        var names = ResourceArguments.Names("The objects to delete");
        var filename = new Option<string?>("--filename", "-f")
        {
            Description = "Delete the objects a manifest (file, directory or - for stdin) names",
            HelpName = "FILE",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait until the objects are gone (up to 60s); --wait=false returns at once",
            DefaultValueFactory = _ => true,
        };
        var ignoreNotFound = new Option<bool>("--ignore-not-found") { Description = "An object that does not exist is not an error" };
        var command = new Command("delete", "Delete resources by type and name, or those a manifest names") { type, names, filename, wait, ignoreNotFound };
        Examples.Add(command,
            ("Delete a pod and wait until it has stopped", "platformctl delete pod hello"),
            ("Delete two pods without waiting", "platformctl delete po web-1 web-2 --wait=false"),
            ("Delete what a manifest created", "platformctl delete -f examples/hello-pod.yaml"));
        runner.Attach(command, (context, cancellationToken) =>
        {
            var deleter = new Deleter(context, context.Get(wait), context.Get(ignoreNotFound));
            return context.Get(filename) is { } source
                ? DeleteManifestAsync(context, deleter, source, context.Get(type), cancellationToken)
                : DeleteNamedAsync(deleter, context, context.Get(type), context.Get(names), cancellationToken);
        });
        return command;
    }

    private static Task<int> DeleteManifestAsync(CliContext context, Deleter deleter, string source, string? type, CancellationToken cancellationToken) =>
        type is null
            ? ApplyCommand.RunAsync(context, source, "delete", deleter.DeleteDocumentAsync, cancellationToken)
            : throw new CliException("name the objects either with -f or as TYPE NAME, not both");

    private static async Task<int> DeleteNamedAsync(
        Deleter deleter, CliContext context, string? type, string[]? names, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            throw new CliException("you must provide one or more resources by argument or filename (usage: platformctl delete TYPE NAME, or -f FILE)");
        }

        var selection = ResourceReference.ParseMany(type, names);
        if (selection.Names.Count == 0)
        {
            throw new CliException($"resource name may not be empty (usage: platformctl delete {selection.Kind.Singular} NAME)");
        }

        foreach (var name in selection.Names)
        {
            var outcome = await deleter.DeleteAsync(new ManifestTarget(selection.Kind, context.Namespace, name), cancellationToken);
            if (outcome.Length > 0)
            {
                await context.Out.WriteLineAsync(outcome.AsMemory(), cancellationToken);
            }
        }

        return ExitCodes.Success;
    }

    private sealed class Deleter(CliContext context, bool wait, bool ignoreNotFound)
    {
        public Task<string> DeleteDocumentAsync(CliContext _, System.Text.Json.Nodes.JsonObject document, CancellationToken cancellationToken) =>
            DeleteAsync(ManifestTarget.Of(document, context.Namespace), cancellationToken);

        public async Task<string> DeleteAsync(ManifestTarget target, CancellationToken cancellationToken)
        {
            try
            {
                await context.Resources.DeleteAsync(target.Kind, target.Namespace, target.Name, cancellationToken);
            }
            catch (ApiException e) when (e.IsNotFound && ignoreNotFound)
            {
                return string.Empty;
            }

            if (wait)
            {
                await DeletionWaiter.WaitUntilGoneAsync(context, target, cancellationToken);
            }

            return $"{target.Quoted} deleted";
        }
    }
}
