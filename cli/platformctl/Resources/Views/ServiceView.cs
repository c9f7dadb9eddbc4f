using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>`get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (SELECTOR with -o wide), read from the JSON as it is.</summary>
internal sealed class ServiceView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now)
    {
        var headers = new List<string> { "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE" };
        if (options.WithNamespace)
        {
            headers.Insert(0, "NAMESPACE");
        }

        if (options.Wide)
        {
            headers.Add("SELECTOR");
        }

        return TableWriter.Render(headers, items.Select(item => Row(item, options, now)));
    }

    public string Describe(JsonNode item, TimeZoneInfo zone) => GenericView.Instance.Describe(item, zone);

    private static List<string> Row(JsonNode item, TableOptions options, DateTimeOffset now)
    {
        var spec = item["spec"];
        var ports = spec?["ports"] is JsonArray list && list.Count > 0
            ? string.Join(",", list.Select(p => $"{p?["port"]}/{p?["protocol"] ?? "TCP"}"))
            : "<none>";
        var row = new List<string>();
        if (options.WithNamespace)
        {
            row.Add(ApiObjects.Namespace(item) ?? string.Empty);
        }

        row.AddRange([
            ApiObjects.Name(item) ?? string.Empty,
            spec?["type"]?.ToString() ?? "ClusterIP",
            TableWriter.OrNone(spec?["clusterIP"]?.ToString()),
            "<none>",
            ports,
            Age.Since(Timestamps.Parse(ApiObjects.MetadataString(item, "creationTimestamp")), now),
        ]);
        if (options.Wide)
        {
            row.Add(spec?["selector"] is JsonObject selector && selector.Count > 0
                ? string.Join(",", selector.Select(s => $"{s.Key}={s.Value}"))
                : "<none>");
        }

        return row;
    }
}
