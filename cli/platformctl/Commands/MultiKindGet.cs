using System.Text.Json.Nodes;
using Platform.Cli.Client;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Resources.Views;

namespace Platform.Cli.Commands;

/// <summary>
/// `get deploy,rs [NAME...]` and `get all`: several kinds at once, as kubectl prints them. Tables come one per kind
/// that has objects, separated by a blank line, in the order asked; when objects of more than one kind are shown,
/// each name carries its kind (`deployment.apps/web`). -o json/yaml/jsonpath print one List of every object;
/// -o name one line each. A missing named object is reported after the tables (exit code 1), as kubectl does.
/// </summary>
internal static class MultiKindGet
{
    /// <summary>kubectl's "all" category, of the kinds served here, in its order.</summary>
    public static readonly IReadOnlyList<ResourceKind> AllCategory =
        [ResourceKinds.Pod, ResourceKinds.Service, ResourceKinds.Deployment, ResourceKinds.ReplicaSet, ResourceKinds.HorizontalPodAutoscaler];

    public static bool Applies(string type) =>
        !type.Contains('/', StringComparison.Ordinal) && (type.Contains(',', StringComparison.Ordinal) || type.Equals("all", StringComparison.OrdinalIgnoreCase));

    /// <summary>The kinds a word list such as "deploy,rs" or "all,svc" names, each once, in order.</summary>
    public static IReadOnlyList<ResourceKind> Kinds(string type) =>
        [.. type.Split(',', StringSplitOptions.TrimEntries)
            .SelectMany(word => word.Length == 0
                ? throw new CliException($"invalid resource type list \"{type}\": an empty type between commas")
                : word.Equals("all", StringComparison.OrdinalIgnoreCase) ? AllCategory : [ResourceKinds.Parse(word)])
            .Distinct()];

    public static async Task<int> RunAsync(
        CliContext context, IReadOnlyList<ResourceKind> kinds, IReadOnlyList<string> names, OutputRequest output, bool allNamespaces, LabelSelector? selector, CancellationToken cancellationToken)
    {
        if (selector is not null && names.Count > 0)
        {
            throw new CliException("name cannot be provided when a selector is specified");
        }

        var found = new List<(ResourceKind Kind, IReadOnlyList<JsonNode> Items)>();
        var missing = new List<string>();
        foreach (var kind in kinds)
        {
            found.Add((kind, names.Count == 0
                ? await ListAsync(context, kind, allNamespaces, selector, cancellationToken)
                : await GetNamedAsync(context, kind, names, missing, cancellationToken)));
        }

        await context.Out.WriteAsync(Render(found, output, new TableOptions(output.Format == OutputFormat.Wide, allNamespaces), context.Now).AsMemory(), cancellationToken);
        if (found.All(f => f.Items.Count == 0) && missing.Count == 0 && output.Format is OutputFormat.Table or OutputFormat.Wide)
        {
            await context.Error.WriteLineAsync((allNamespaces ? "No resources found" : $"No resources found in {context.Namespace} namespace.").AsMemory(), cancellationToken);
        }

        foreach (var line in missing)
        {
            await context.Error.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return missing.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The whole output for objects already fetched, kind by kind.</summary>
    internal static string Render(IReadOnlyList<(ResourceKind Kind, IReadOnlyList<JsonNode> Items)> found, OutputRequest output, TableOptions options, DateTimeOffset now)
    {
        var shown = found.Where(f => f.Items.Count > 0).ToList();
        switch (output.Format)
        {
            case OutputFormat.Json:
                return JsonOutput.Render(AsList(shown));
            case OutputFormat.Yaml:
                return YamlOutput.Render(AsList(shown));
            case OutputFormat.JsonPath:
                return output.Template!.Render(AsList(shown));
            case OutputFormat.Name:
                return string.Concat(shown.SelectMany(f => f.Items.Select(item => $"{f.Kind.QualifiedName}/{ApiObjects.Name(item)}\n")));
            default:
                var withKind = shown.Count > 1;
                return string.Join("\n", shown.Select(f => ResourceViews.For(f.Kind).Table(
                    withKind ? [.. f.Items.Select(item => WithKindInName(f.Kind, item))] : f.Items,
                    options with { WithNamespace = options.WithNamespace && f.Kind.Namespaced },
                    now)));
        }
    }

    private static async Task<IReadOnlyList<JsonNode>> ListAsync(CliContext context, ResourceKind kind, bool allNamespaces, LabelSelector? selector, CancellationToken cancellationToken)
    {
        var list = await context.Resources.ListAsync(kind, context.Namespace, allNamespaces, cancellationToken, selector);
        return [.. ApiObjects.Items(list).Where(item => selector is null || selector.Matches(item))];
    }

    private static async Task<IReadOnlyList<JsonNode>> GetNamedAsync(CliContext context, ResourceKind kind, IReadOnlyList<string> names, List<string> missing, CancellationToken cancellationToken)
    {
        var items = new List<JsonNode>();
        foreach (var name in names)
        {
            try
            {
                items.Add(await context.Resources.GetAsync(kind, context.Namespace, name, cancellationToken));
            }
            catch (ApiException e) when (e.IsNotFound && !e.IsUnknownPath)
            {
                missing.Add(e.DisplayLine);
            }
        }

        return items;
    }

    /// <summary>A List of every object, each with its apiVersion and kind (a list's items come without them).</summary>
    private static JsonObject AsList(IEnumerable<(ResourceKind Kind, IReadOnlyList<JsonNode> Items)> found) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "List",
        ["items"] = new JsonArray([.. found.SelectMany(f => f.Items.Select(item => Typed(f.Kind, item)))]),
        ["metadata"] = new JsonObject { ["resourceVersion"] = string.Empty },
    };

    private static JsonNode Typed(ResourceKind kind, JsonNode item)
    {
        var copy = new JsonObject { ["apiVersion"] = kind.GroupVersion, ["kind"] = kind.Kind };
        foreach (var (key, value) in item.AsObject())
        {
            if (key is not ("apiVersion" or "kind"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>The object with "kind.group/name" as its name, so any kind's table shows it in its NAME column.</summary>
    private static JsonNode WithKindInName(ResourceKind kind, JsonNode item)
    {
        var copy = item.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata["name"] = $"{kind.QualifiedName}/{ApiObjects.Name(item)}";
        }

        return copy;
    }
}
