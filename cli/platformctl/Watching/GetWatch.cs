using Platform.Cli.Commands;
using Platform.Cli.Output;
using Platform.Cli.Resources;

namespace Platform.Cli.Watching;

/// <summary>
/// `get KIND [NAME] -w` and `--watch-only`: the listed objects (unless watch-only), then a line per
/// change as it happens, until Ctrl-C (exit code 0, as kubectl).
/// </summary>
internal static class GetWatch
{
    public static async Task<int> RunAsync(
        CliContext context, ResourceSelection selection, OutputRequest output, TableOptions tableOptions,
        bool allNamespaces, LabelSelector? selector, bool watchOnly, CancellationToken cancellationToken)
    {
        if (selection.Names.Count > 1)
        {
            throw new CliException($"watch is only supported on individual resources and resource collections, but {selection.Names.Count} resources were named");
        }

        if (selector is not null && selection.Names.Count > 0)
        {
            throw new CliException("name cannot be provided when a selector is specified");
        }

        var name = selection.Names.Count == 1 ? selection.Names[0] : null;
        var target = new WatchTarget(
            selection.Kind,
            context.Namespace,
            allNamespaces,
            selector?.Text,
            name is null ? null : "metadata.name=" + name);
        var watcher = new ResourceWatcher(context.Api, target);
        var printer = new WatchPrinter(selection.Kind, output, tableOptions);
        var seen = new WatchedObjects();
        try
        {
            var (items, resourceVersion) = await ListAsync(context, watcher, selection.Kind, name, cancellationToken);
            var matching = selector is null ? items : items.Where(selector.Matches).ToList();
            foreach (var item in matching)
            {
                seen.Record(new WatchEvent(WatchEvent.Added, item));
            }

            if (!watchOnly)
            {
                await WriteAsync(context, printer.Listed(matching, context.Now), cancellationToken);
            }

            await watcher.RunAsync(resourceVersion, seen, (change, token) => WriteAsync(context, printer.Event(change, context.Now), token), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a watch ends.
        }

        return ExitCodes.Success;
    }

    /// <summary>The objects to show first and the revision to watch from; a named object must exist, as in kubectl.</summary>
    private static async Task<(IReadOnlyList<System.Text.Json.Nodes.JsonNode> Items, string ResourceVersion)> ListAsync(
        CliContext context, ResourceWatcher watcher, ResourceKind kind, string? name, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            // The object itself (its 404 names it), then the list narrowed to it for a revision to start from.
            await context.Resources.GetAsync(kind, context.Namespace, name, cancellationToken);
        }

        try
        {
            return await watcher.ListAsync(cancellationToken);
        }
        catch (Client.ApiException e) when (e.IsUnknownPath)
        {
            throw new CliException($"the server doesn't have a resource type \"{kind.Plural}\"");
        }
    }

    private static async Task WriteAsync(CliContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length > 0)
        {
            await context.Out.WriteAsync(text.AsMemory(), cancellationToken);
            await context.Out.FlushAsync(cancellationToken);
        }
    }
}
