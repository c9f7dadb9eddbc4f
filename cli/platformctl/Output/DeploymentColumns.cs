using System.Globalization;
using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>
/// kubectl's columns of Deployments (NAME READY UP-TO-DATE AVAILABLE AGE; CONTAINERS IMAGES SELECTOR
/// with -o wide) and of ReplicaSets (NAME DESIRED CURRENT READY AGE, the same wide columns).
/// </summary>
internal static class DeploymentColumns
{
    public static string Table(IEnumerable<Deployment> deployments, TableOptions options, DateTimeOffset now) =>
        TableWriter.Render(
            Headers(options, ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]),
            deployments.Select(d => Row(options, d.Metadata, d.Spec.Template, d.Spec.Selector, now, [
                $"{Number(d.Status?.ReadyReplicas)}/{Number(d.Spec.Replicas ?? 1)}",
                Number(d.Status?.UpdatedReplicas),
                Number(d.Status?.AvailableReplicas),
            ])));

    public static string ReplicaSetTable(IEnumerable<ReplicaSet> sets, TableOptions options, DateTimeOffset now) =>
        TableWriter.Render(
            Headers(options, ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]),
            sets.Select(rs => Row(options, rs.Metadata, rs.Spec.Template, rs.Spec.Selector, now, [
                Number(rs.Spec.Replicas ?? 1),
                Number(rs.Status?.Replicas),
                Number(rs.Status?.ReadyReplicas),
            ])));

    /// <summary>A selector as kubectl prints it: "app=web,tier=front", then its expressions.</summary>
    public static string Selector(Platform.Api.Model.LabelSelector? selector)
    {
        var parts = (selector?.MatchLabels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}").ToList();
        foreach (var expression in selector?.MatchExpressions ?? [])
        {
            var values = expression.Values ?? [];
            parts.Add(expression.Operator switch
            {
                "Exists" => expression.Key!,
                "DoesNotExist" => "!" + expression.Key,
                _ => $"{expression.Key} {expression.Operator?.ToLowerInvariant()} ({string.Join(",", values)})",
            });
        }

        return parts.Count == 0 ? TableWriter.None : string.Join(',', parts);
    }

    private static List<string> Headers(TableOptions options, string[] columns)
    {
        var headers = new List<string>();
        if (options.WithNamespace)
        {
            headers.Add("NAMESPACE");
        }

        headers.AddRange(columns);
        if (options.Wide)
        {
            headers.AddRange(["CONTAINERS", "IMAGES", "SELECTOR"]);
        }

        return headers;
    }

    private static List<string> Row(
        TableOptions options, ObjectMeta metadata, PodTemplateSpec template, Platform.Api.Model.LabelSelector? selector, DateTimeOffset now, string[] counts)
    {
        var row = new List<string>();
        if (options.WithNamespace)
        {
            row.Add(metadata.Namespace ?? string.Empty);
        }

        row.Add(metadata.Name ?? string.Empty);
        row.AddRange(counts);
        row.Add(Age.Since(metadata.CreationTimestamp, now));
        if (options.Wide)
        {
            var containers = template.Spec?.Containers ?? [];
            row.Add(TableWriter.OrNone(string.Join(',', containers.Select(c => c.Name))));
            row.Add(TableWriter.OrNone(string.Join(',', containers.Select(c => c.Image))));
            row.Add(Selector(selector));
        }

        return row;
    }

    private static string Number(int? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);
}
