using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>`get endpoints`: NAME ENDPOINTS AGE, the first three ready ip:port pairs as kubectl prints them.</summary>
internal sealed class EndpointsView : IResourceView
{
    private const int Shown = 3;

    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now)
    {
        string[] headers = options.WithNamespace ? ["NAMESPACE", "NAME", "ENDPOINTS", "AGE"] : ["NAME", "ENDPOINTS", "AGE"];
        return TableWriter.Render(headers, items.Select(item =>
        {
            var row = new List<string>();
            if (options.WithNamespace)
            {
                row.Add(ApiObjects.Namespace(item) ?? string.Empty);
            }

            row.AddRange([ApiObjects.Name(item) ?? string.Empty, Addresses(item), Age.Since(Timestamps.Parse(ApiObjects.MetadataString(item, "creationTimestamp")), now)]);
            return row;
        }));
    }

    public string Describe(JsonNode item, TimeZoneInfo zone) => GenericView.Instance.Describe(item, zone);

    public static string Addresses(JsonNode item)
    {
        var pairs = (item["subsets"] as JsonArray ?? [])
            .SelectMany(s => (s?["addresses"] as JsonArray ?? []).SelectMany(a => (s?["ports"] as JsonArray ?? []).Select(p => $"{a?["ip"]}:{p?["port"]}")))
            .ToList();
        if (pairs.Count == 0)
        {
            return "<none>";
        }

        var shown = string.Join(",", pairs.Take(Shown));
        return pairs.Count > Shown ? $"{shown} + {pairs.Count - Shown} more..." : shown;
    }
}
