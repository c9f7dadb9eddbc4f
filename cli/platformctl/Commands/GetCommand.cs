using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>`get pods|nodes [NAME] [-o wide|json|yaml|name] [-A]`.</summary>
internal static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = new Argument<string>("type") { Description = "pods (po) or nodes (no), or TYPE/NAME" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "One object to show" };
        var output = OutputFormats.CreateOption();
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List pods of every namespace" };
        var command = new Command("get", "Display one or many resources") { type, name, output, allNamespaces };
        runner.Attach(command, (context, cancellationToken) => RunAsync(
            context,
            ResourceReference.Parse(context.Get(type)!, context.Get(name)),
            new GetRequestOptions(OutputFormats.Parse(context.Get(output)), context.Get(allNamespaces)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ResourceReference reference, GetRequestOptions options, CancellationToken cancellationToken)
    {
        var view = ResourceViews.For(reference.Kind);
        var path = reference.Name is { } name
            ? view.ItemPath(context.Namespace, name)
            : view.ListPath(context.Namespace, options.AllNamespaces);
        var answer = await context.Api.GetAsync(path, cancellationToken);
        var isList = reference.Name is null;
        return await PrintAsync(context, view, answer, isList, options, cancellationToken);
    }

    private static async Task<int> PrintAsync(
        CliContext context, IResourceView view, JsonNode answer, bool isList, GetRequestOptions options, CancellationToken cancellationToken)
    {
        if (options.Format is OutputFormat.Json or OutputFormat.Yaml)
        {
            var text = options.Format == OutputFormat.Json ? JsonOutput.Render(answer) : YamlOutput.Render(answer);
            await context.Out.WriteAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Success;
        }

        var items = isList ? ApiObjects.Items(answer) : [answer];
        var output = items.Count == 0
            ? null
            : options.Format == OutputFormat.Name
                ? Names(view, items)
                : view.Table(items, options.TableOptions(view.Kind), context.Now);
        var writer = output is null ? context.Error : context.Out;
        var message = output ?? view.NoResourcesMessage(context.Namespace, options.AllNamespaces) + "\n";
        await writer.WriteAsync(message.AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    private static string Names(IResourceView view, IReadOnlyList<JsonNode> items) =>
        string.Concat(items.Select(item => $"{ResourceKinds.Singular(view.Kind)}/{ApiObjects.Name(item)}\n"));

    private sealed record GetRequestOptions(OutputFormat Format, bool AllNamespaces)
    {
        public TableOptions TableOptions(ResourceKind kind) =>
            new(Format == OutputFormat.Wide, AllNamespaces && kind == ResourceKind.Pod);
    }
}
