using System.CommandLine;
using Platform.Api.Model;
using Platform.Cli.Client;
using Platform.Cli.Output;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>`volume ls [-A]` and `volume rm NAME`: the nodes' named volumes, through the gateway.</summary>
internal static class VolumeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("volume", "Manage the named volumes of the nodes (a pod's persistentVolumeClaim)");
        command.Add(CreateList(runner));
        command.Add(CreateRemove(runner));
        Examples.Add(command,
            ("List the named volumes of this namespace", "platformctl volume ls"),
            ("Remove a volume no pod uses any more", "platformctl volume rm demo-data"));
        return command;
    }

    private static Command CreateList(CommandRunner runner)
    {
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List the volumes of every namespace" };
        var command = new Command("ls", "List named volumes with their node, size and the pods using them") { allNamespaces };
        command.Aliases.Add("list");
        Examples.Add(command,
            ("Volumes of the current namespace", "platformctl volume ls"),
            ("Volumes of every namespace", "platformctl volume ls -A"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var all = context.Get(allNamespaces);
            var answer = await context.Api.GetAsync(all ? ApiPaths.AllVolumes : ApiPaths.Volumes(context.Namespace), cancellationToken);
            var volumes = ApiObjects.Items(answer).Select(ApiObjects.As<NamedVolume>).ToList();
            var text = volumes.Count == 0
                ? (all ? "No resources found\n" : $"No resources found in {context.Namespace} namespace.\n")
                : VolumeColumns.Table(volumes, all, context.Now);
            await (volumes.Count == 0 ? context.Error : context.Out).WriteAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRemove(CommandRunner runner)
    {
        var names = new Argument<string[]>("name") { Arity = ArgumentArity.OneOrMore, Description = "The volumes to remove" };
        var command = new Command("rm", "Remove named volumes that no pod uses") { names };
        command.Aliases.Add("remove");
        Examples.Add(command,
            ("Remove one volume", "platformctl volume rm demo-data"),
            ("Remove volumes of another namespace", "platformctl volume rm -n team-a cache scratch"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            foreach (var name in context.Get(names)!)
            {
                await context.Api.DeleteAsync(ApiPaths.Volume(context.Namespace, name), cancellationToken);
                await context.Out.WriteLineAsync($"volume \"{name}\" removed".AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
