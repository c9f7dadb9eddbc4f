using System.CommandLine;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>`delete pod NAME [--wait=false]`: deletes, then waits until the pod is really gone.</summary>
internal static class DeleteCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = new Argument<string>("type") { Description = "pod (po), or pod/NAME" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "The pod to delete" };
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait until the pod is gone (up to 60s); --wait=false returns at once",
            DefaultValueFactory = _ => true,
        };
        var command = new Command("delete", "Delete a pod") { type, name, wait };
        runner.Attach(command, (context, cancellationToken) => RunAsync(
            context, ResourceReference.Parse(context.Get(type)!, context.Get(name)), context.Get(wait), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ResourceReference reference, bool wait, CancellationToken cancellationToken)
    {
        if (reference.Kind != ResourceKind.Pod)
        {
            throw new CliException($"deleting {ResourceKinds.Plural(reference.Kind)} is not supported");
        }

        var name = reference.RequireName("delete");
        var path = ApiPaths.Pod(context.Namespace, name);
        await context.Api.DeleteAsync(path, cancellationToken);
        await context.Out.WriteLineAsync($"pod \"{name}\" deleted".AsMemory(), cancellationToken);
        if (wait)
        {
            await DeletionWaiter.WaitUntilGoneAsync(context, path, $"pod \"{name}\"", cancellationToken);
        }

        return ExitCodes.Success;
    }
}
