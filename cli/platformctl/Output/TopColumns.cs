using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Resources;

namespace Platform.Cli.Output;

/// <summary>
/// The tables of `top pods` and `top nodes`, as kubectl prints them: CPU in millicores ("12m"), memory in whole
/// MiB ("3Mi"), a node's share of its allocatable as a whole percentage, "&lt;unknown&gt;" for a node without
/// metrics. Rows come from metrics.k8s.io objects (a pod's usage is the sum of its containers').
/// </summary>
internal static class TopColumns
{
    public const string Unknown = "<unknown>";

    public static string Pods(IEnumerable<JsonNode> podMetrics, bool withNamespace)
    {
        string[] headers = ["NAME", "CPU(cores)", "MEMORY(bytes)"];
        var rows = podMetrics.Select(item =>
        {
            var (cpu, memory) = PodUsage(item);
            string[] cells = [ApiObjects.Name(item) ?? string.Empty, Millicores(cpu), Mebibytes(memory)];
            return (IReadOnlyList<string>)(withNamespace ? [ApiObjects.Namespace(item) ?? string.Empty, .. cells] : cells);
        });
        return TableWriter.Render(withNamespace ? ["NAMESPACE", .. headers] : headers, rows);
    }

    /// <summary>One row per node; the metrics are looked up by node name.</summary>
    public static string Nodes(IEnumerable<Node> nodes, IReadOnlyDictionary<string, JsonNode> metricsByNode)
    {
        string[] headers = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"];
        var rows = nodes.Select(node =>
        {
            var name = node.Metadata.Name ?? string.Empty;
            if (!metricsByNode.TryGetValue(name, out var metrics))
            {
                return (IReadOnlyList<string>)[name, Unknown, Unknown, Unknown, Unknown];
            }

            var cpu = Milli(metrics["usage"]?["cpu"]);
            var memory = Bytes(metrics["usage"]?["memory"]);
            var allocatable = node.Status?.Allocatable;
            return
            [
                name,
                Millicores(cpu),
                Percent(cpu, Milli(allocatable?.GetValueOrDefault("cpu"))),
                Mebibytes(memory),
                Percent(memory, Bytes(allocatable?.GetValueOrDefault("memory"))),
            ];
        });
        return TableWriter.Render(headers, rows);
    }

    /// <summary>A pod's CPU (millicores) and memory (bytes): the sums over its containers.</summary>
    public static (long Cpu, long Memory) PodUsage(JsonNode podMetrics)
    {
        long cpu = 0, memory = 0;
        foreach (var container in podMetrics["containers"] as JsonArray ?? [])
        {
            cpu += Milli(container?["usage"]?["cpu"]);
            memory += Bytes(container?["usage"]?["memory"]);
        }

        return (cpu, memory);
    }

    public static string Millicores(long milli) => milli.ToString(CultureInfo.InvariantCulture) + "m";

    public static string Mebibytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "Mi";

    private static string Percent(long used, long total) =>
        total <= 0 ? Unknown : ((long)((double)used / total * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    private static long Milli(JsonNode? quantity) => Milli(quantity?.GetValue<string>());

    private static long Milli(string? quantity) => Quantity.TryParse(quantity, out var value) ? Quantity.ToMilli(value) : 0;

    private static long Bytes(JsonNode? quantity) => Bytes(quantity?.GetValue<string>());

    private static long Bytes(string? quantity) => Quantity.TryParse(quantity, out var value) ? Quantity.ToWhole(value) : 0;
}
