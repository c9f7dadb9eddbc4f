using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>`describe pod|node NAME`.</summary>
internal static class DescribeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = new Argument<string>("type") { Description = "pod (po) or node (no), or TYPE/NAME" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "The object to describe" };
        var command = new Command("describe", "Show details of a resource") { type, name };
        runner.Attach(command, (context, cancellationToken) => RunAsync(
            context, ResourceReference.Parse(context.Get(type)!, context.Get(name)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ResourceReference reference, CancellationToken cancellationToken)
    {
        var view = ResourceViews.For(reference.Kind);
        var item = await context.Api.GetAsync(view.ItemPath(context.Namespace, reference.RequireName("describe")), cancellationToken);
        await context.Out.WriteAsync(view.Describe(item, context.Host.TimeZone).AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }
}
