using System.CommandLine;
using Platform.Cli.Resources;
using Platform.Cli.Resources.Views;

namespace Platform.Cli.Commands;

/// <summary>`describe TYPE NAME...`: details of each object, separated by a blank line.</summary>
internal static class DescribeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = ResourceArguments.Type("The resource type (pod, node, ...), or TYPE/NAME");
        var names = ResourceArguments.Names("The objects to describe");
        var command = new Command("describe", "Show details of a resource") { type, names };
        Examples.Add(command,
            ("A pod's containers, their state and exit codes", "platformctl describe pod hello"),
            ("A node's capacity, conditions and pods", "platformctl describe node/node-1"));
        runner.Attach(command, (context, cancellationToken) => RunAsync(
            context, ResourceReference.ParseMany(context.Get(type)!, context.Get(names)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ResourceSelection selection, CancellationToken cancellationToken)
    {
        if (selection.Names.Count == 0)
        {
            throw new CliException($"resource name may not be empty (usage: platformctl describe {selection.Kind.Singular} NAME)");
        }

        var view = ResourceViews.For(selection.Kind);
        for (var i = 0; i < selection.Names.Count; i++)
        {
            var item = await context.Resources.GetAsync(selection.Kind, context.Namespace, selection.Names[i], cancellationToken);
            var separator = i == 0 ? string.Empty : "\n";
            var text = view.Describe(item, context.Host.TimeZone);
            if (view is IDescribesEvents)
            {
                text += await EventsOf(context, item, cancellationToken);
            }

            await context.Out.WriteAsync((separator + text).AsMemory(), cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static async Task<string> EventsOf(CliContext context, System.Text.Json.Nodes.JsonNode item, CancellationToken cancellationToken)
    {
        var uid = ApiObjects.MetadataString(item, "uid");
        var list = await context.Resources.ListAsync(ResourceKinds.Event, ApiObjects.Namespace(item) ?? context.Namespace, false, cancellationToken);
        var events = ApiObjects.Items(list).Select(ApiObjects.As<Platform.Api.Model.Event>).Where(e => e.InvolvedObject.Uid == uid);
        return Platform.Cli.Output.DescribeEvents.Render(events, context.Now);
    }
}
