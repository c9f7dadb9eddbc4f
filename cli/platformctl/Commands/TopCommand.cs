using System.CommandLine;
using System.Text.Json.Nodes;
using Node = Platform.Api.Model.Node;
using Platform.Cli.Client;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using LabelSelector = Platform.Cli.Resources.LabelSelector;

namespace Platform.Cli.Commands;

/// <summary>`top pods [NAME] [-n NS | -A] [-l SELECTOR]` and `top nodes [NAME]`: recent usage from metrics.k8s.io.</summary>
internal static class TopCommand
{
    private static readonly ResourceKind PodMetrics = new("PodMetrics", "podmetrics", "pods", "metrics.k8s.io/v1beta1", Namespaced: true, []);
    private static readonly ResourceKind NodeMetrics = new("NodeMetrics", "nodemetrics", "nodes", "metrics.k8s.io/v1beta1", Namespaced: false, []);

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("top", "Display resource (CPU/memory) usage of pods or nodes");
        command.Add(CreatePods(runner));
        command.Add(CreateNodes(runner));
        Examples.Add(command,
            ("CPU and memory of the pods of this namespace", "platformctl top pods"),
            ("CPU and memory of every node, with their share of allocatable", "platformctl top nodes"));
        return command;
    }

    private static Command CreatePods(CommandRunner runner)
    {
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "One pod (default: all)" };
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "Show the pods of every namespace" };
        var selector = new Option<string?>("--selector", "-l") { Description = "Only pods whose labels match, e.g. app=web" };
        var command = new Command("pods", "Display the CPU and memory of pods (the sum of their containers)") { name, allNamespaces, selector };
        command.Aliases.Add("pod");
        command.Aliases.Add("po");
        Examples.Add(command,
            ("The pods of this namespace", "platformctl top pods"),
            ("The pods labelled app=web in every namespace", "platformctl top pods -A -l app=web"),
            ("One pod", "platformctl top pod web-5d8f7"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var all = context.Get(allNamespaces);
            var labels = context.Get(selector) is { } text ? LabelSelector.Parse(text) : null;
            if (context.Get(name) is { } pod)
            {
                if (labels is not null)
                {
                    throw new CliException("name cannot be provided when a selector is specified");
                }

                var one = await ReadAsync(context, ResourcePaths.Item(PodMetrics, context.Namespace, pod), cancellationToken,
                    $"Metrics not available for pod {context.Namespace}/{pod}");
                await context.Out.WriteAsync(TopColumns.Pods([one], withNamespace: false).AsMemory(), cancellationToken);
                return ExitCodes.Success;
            }

            var query = labels is null ? string.Empty : "?labelSelector=" + ResourcePaths.Escape(labels.Text);
            var list = await ReadAsync(context, ResourcePaths.Collection(PodMetrics, context.Namespace, all) + query, cancellationToken, null);
            var items = ApiObjects.Items(list).Where(i => labels is null || labels.Matches(i)).OrderBy(i => ApiObjects.Namespace(i), StringComparer.Ordinal).ThenBy(i => ApiObjects.Name(i), StringComparer.Ordinal).ToList();
            return await WriteAsync(context, items.Count == 0 ? null : TopColumns.Pods(items, all), all, cancellationToken);
        });
        return command;
    }

    private static Command CreateNodes(CommandRunner runner)
    {
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "One node (default: all)" };
        var command = new Command("nodes", "Display the CPU and memory of nodes, and their share of what the node can allocate") { name };
        command.Aliases.Add("node");
        command.Aliases.Add("no");
        Examples.Add(command,
            ("Every node", "platformctl top nodes"),
            ("One node", "platformctl top node node-a"));
        runner.Attach(command, async (context, cancellationToken) =>
        {
            var only = context.Get(name);
            var metrics = only is null
                ? ApiObjects.Items(await ReadAsync(context, ResourcePaths.Collection(NodeMetrics, context.Namespace), cancellationToken, null))
                : [await ReadAsync(context, ResourcePaths.Item(NodeMetrics, context.Namespace, only), cancellationToken, $"Metrics not available for node {only}")];
            var nodes = only is null
                ? ApiObjects.Items(await context.Resources.ListAsync(ResourceKinds.Node, context.Namespace, false, cancellationToken)).Select(ApiObjects.As<Node>).ToList()
                : [ApiObjects.As<Node>(await context.Resources.GetAsync(ResourceKinds.Node, context.Namespace, only, cancellationToken))];
            var byName = metrics.Where(m => ApiObjects.Name(m) is not null).ToDictionary(m => ApiObjects.Name(m)!, StringComparer.Ordinal);
            var shown = nodes.OrderBy(n => n.Metadata.Name, StringComparer.Ordinal).ToList();
            return await WriteAsync(context, shown.Count == 0 ? null : TopColumns.Nodes(shown, byName), allNamespaces: true, cancellationToken);
        });
        return command;
    }

    private static async Task<int> WriteAsync(CliContext context, string? table, bool allNamespaces, CancellationToken cancellationToken)
    {
        if (table is null)
        {
            var none = allNamespaces ? "No resources found\n" : $"No resources found in {context.Namespace} namespace.\n";
            await context.Error.WriteAsync(none.AsMemory(), cancellationToken);
            return ExitCodes.Success;
        }

        await context.Out.WriteAsync(table.AsMemory(), cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>GETs a metrics path; a server without metrics.k8s.io, or an object without figures, is one line.</summary>
    private static async Task<JsonNode> ReadAsync(CliContext context, string path, CancellationToken cancellationToken, string? notFound)
    {
        try
        {
            return await context.Api.GetAsync(path, cancellationToken);
        }
        catch (ApiException e) when (e.IsUnknownPath)
        {
            throw new CliException("Metrics API not available");
        }
        catch (ApiException e) when (e.IsNotFound && notFound is not null)
        {
            throw new CliException(notFound);
        }
    }
}
