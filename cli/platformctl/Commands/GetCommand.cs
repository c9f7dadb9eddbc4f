using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Resources.Views;
using Platform.Cli.Watching;

namespace Platform.Cli.Commands;

/// <summary>`get TYPE[,TYPE...]|all [NAME...] [-o wide|json|yaml|name|jsonpath=...] [-A]`.</summary>
internal static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var type = ResourceArguments.Type("The resource type (pods, nodes, deploy, ...), or TYPE/NAME");
        var names = ResourceArguments.Names("The objects to show (default: all)");
        var output = OutputFormats.CreateOption();
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List the objects of every namespace" };
        var selector = new Option<string?>("--selector", "-l") { Description = "Only objects whose labels match, e.g. app=web,tier!=db,env in (a,b)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "After listing, print a line for every change (until Ctrl-C)" };
        var watchOnly = new Option<bool>("--watch-only") { Description = "Print only the changes, without listing first" };
        var command = new Command("get", "Display one or many resources") { type, names, output, allNamespaces, selector, watch, watchOnly };
        Examples.Add(command,
            ("List the pods of the current namespace", "platformctl get pods"),
            ("List every pod with its node and IP", "platformctl get po -A -o wide"),
            ("One pod as YAML", "platformctl get pod hello -o yaml"),
            ("The pods labelled app=web", "platformctl get pods -l app=web"),
            ("The names of all nodes", "platformctl get nodes -o name"),
            ("Follow the pods as they change (Ctrl-C ends)", "platformctl get pods -w"),
            ("Deployments and their replica sets, one table each", "platformctl get deploy,rs"),
            ("The pods, services, deployments, replica sets and autoscalers", "platformctl get all"),
            ("Each pod's name and phase, one per line", "platformctl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}'"));
        runner.Attach(command, (context, cancellationToken) =>
        {
            var parsedOutput = OutputFormats.Parse(context.Get(output));
            var parsedSelector = context.Get(selector) is { } text ? LabelSelector.Parse(text) : null;
            if (MultiKindGet.Applies(context.Get(type)!))
            {
                return context.Get(watch) || context.Get(watchOnly)
                    ? throw new CliException("-w/--watch takes one resource type, not a list or \"all\"")
                    : MultiKindGet.RunAsync(context, MultiKindGet.Kinds(context.Get(type)!), context.Get(names) ?? [], parsedOutput, context.Get(allNamespaces), parsedSelector, cancellationToken);
            }

            var selection = ResourceReference.ParseMany(context.Get(type)!, context.Get(names));
            var options = new GetRequestOptions(parsedOutput, context.Get(allNamespaces), parsedSelector);
            return context.Get(watch) || context.Get(watchOnly)
                ? GetWatch.RunAsync(context, selection, options.Output, options.TableOptions(selection.Kind), options.AllNamespaces, options.Selector, context.Get(watchOnly), cancellationToken)
                : RunAsync(context, selection, options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ResourceSelection selection, GetRequestOptions options, CancellationToken cancellationToken)
    {
        if (options.Selector is not null && selection.Names.Count > 0)
        {
            throw new CliException("name cannot be provided when a selector is specified");
        }

        var answer = selection.Names.Count == 0
            ? Filtered(await context.Resources.ListAsync(selection.Kind, context.Namespace, options.AllNamespaces, cancellationToken, options.Selector), options.Selector)
            : await GetNamedAsync(context, selection, cancellationToken);
        var isList = selection.Names.Count != 1;
        await PrintAsync(context, selection.Kind, answer, isList, options, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The list with only the items the selector matches (the server may have filtered already).</summary>
    private static JsonNode Filtered(JsonNode list, LabelSelector? selector)
    {
        if (selector is null || list["items"] is not JsonArray items)
        {
            return list;
        }

        var kept = items.Where(item => item is not null && selector.Matches(item)).Select(item => item!.DeepClone()).ToArray();
        list["items"] = new JsonArray(kept);
        return list;
    }

    /// <summary>One object as it is; several wrapped in a List, as kubectl does.</summary>
    private static async Task<JsonNode> GetNamedAsync(CliContext context, ResourceSelection selection, CancellationToken cancellationToken)
    {
        var items = new List<JsonNode>();
        foreach (var name in selection.Names)
        {
            items.Add(await context.Resources.GetAsync(selection.Kind, context.Namespace, name, cancellationToken));
        }

        return items.Count == 1
            ? items[0]
            : new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. items]), ["metadata"] = new JsonObject() };
    }

    private static async Task PrintAsync(
        CliContext context, ResourceKind kind, JsonNode answer, bool isList, GetRequestOptions options, CancellationToken cancellationToken)
    {
        var text = options.Output.Format switch
        {
            OutputFormat.Json => JsonOutput.Render(answer),
            OutputFormat.Yaml => YamlOutput.Render(answer),
            OutputFormat.JsonPath => options.Output.Template!.Render(answer),
            _ => null,
        };
        if (text is not null)
        {
            await context.Out.WriteAsync(text.AsMemory(), cancellationToken);
            return;
        }

        var items = isList ? ApiObjects.Items(answer) : [answer];
        if (items.Count == 0)
        {
            await context.Error.WriteLineAsync(NoResourcesMessage(kind, context.Namespace, options.AllNamespaces).AsMemory(), cancellationToken);
            return;
        }

        var output = options.Output.Format == OutputFormat.Name
            ? string.Concat(items.Select(item => $"{kind.QualifiedName}/{ApiObjects.Name(item)}\n"))
            : ResourceViews.For(kind).Table(items, options.TableOptions(kind), context.Now);
        await context.Out.WriteAsync(output.AsMemory(), cancellationToken);
    }

    private static string NoResourcesMessage(ResourceKind kind, string @namespace, bool allNamespaces) =>
        kind.Namespaced && !allNamespaces ? $"No resources found in {@namespace} namespace." : "No resources found";

    private sealed record GetRequestOptions(OutputRequest Output, bool AllNamespaces, LabelSelector? Selector)
    {
        public TableOptions TableOptions(ResourceKind kind) =>
            new(Output.Format == OutputFormat.Wide, AllNamespaces && kind.Namespaced);
    }
}
