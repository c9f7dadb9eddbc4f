using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>
/// Any kind without a view of its own: NAME and AGE (NAMESPACE first with -A), and a description of
/// its metadata followed by its spec and status as YAML, as kubectl does for kinds it has no describer for.
/// </summary>
internal sealed class GenericView : IResourceView
{
    public static readonly GenericView Instance = new();

    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now)
    {
        string[] headers = options.WithNamespace ? ["NAMESPACE", "NAME", "AGE"] : ["NAME", "AGE"];
        return TableWriter.Render(headers, items.Select(item => Row(item, options, now)));
    }

    public string Describe(JsonNode item, TimeZoneInfo zone)
    {
        var writer = new DescribeWriter();
        writer.Field(0, "Name", ApiObjects.Name(item));
        if (ApiObjects.Namespace(item) is { } @namespace)
        {
            writer.Field(0, "Namespace", @namespace);
        }

        DescribeLabels.Write(writer, 0, "Labels", StringMap(item["metadata"]?["labels"]));
        DescribeLabels.Write(writer, 0, "Annotations", StringMap(item["metadata"]?["annotations"]));
        writer.Field(0, "API Version", item["apiVersion"]?.ToString());
        writer.Field(0, "Kind", item["kind"]?.ToString());
        var text = writer.Render();
        foreach (var section in new[] { "spec", "status" })
        {
            if (item[section] is JsonObject { Count: > 0 } content)
            {
                text += $"{char.ToUpperInvariant(section[0])}{section[1..]}:\n" + Indent(YamlOutput.Render(content));
            }
        }

        return text;
    }

    private static List<string> Row(JsonNode item, TableOptions options, DateTimeOffset now)
    {
        var row = new List<string>();
        if (options.WithNamespace)
        {
            row.Add(ApiObjects.Namespace(item) ?? string.Empty);
        }

        row.Add(ApiObjects.Name(item) ?? string.Empty);
        row.Add(Age.Since(Timestamps.Parse(ApiObjects.MetadataString(item, "creationTimestamp")), now));
        return row;
    }

    private static Dictionary<string, string>? StringMap(JsonNode? node) =>
        node is JsonObject map ? map.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? string.Empty) : null;

    private static string Indent(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"  {line}\n"));
}
