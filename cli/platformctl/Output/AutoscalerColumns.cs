using System.Globalization;
using Platform.Api.Model;
using Platform.Api.Printing;

namespace Platform.Cli.Output;

/// <summary>The `get hpa` table: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE, as kubectl prints it.</summary>
internal static class AutoscalerColumns
{
    public static string Table(IEnumerable<HorizontalPodAutoscaler> items, TableOptions options, DateTimeOffset now)
    {
        string[] headers = ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"];
        var rows = items.Select(hpa => Row(hpa, options, now));
        return TableWriter.Render(options.WithNamespace ? ["NAMESPACE", .. headers] : headers, rows);
    }

    private static List<string> Row(HorizontalPodAutoscaler hpa, TableOptions options, DateTimeOffset now)
    {
        var row = new List<string>();
        if (options.WithNamespace)
        {
            row.Add(hpa.Metadata.Namespace ?? string.Empty);
        }

        row.AddRange(
        [
            hpa.Metadata.Name ?? string.Empty,
            $"{hpa.Spec.ScaleTargetRef.Kind}/{hpa.Spec.ScaleTargetRef.Name}",
            AutoscalerTargets.Format(hpa),
            hpa.Spec.MinReplicas?.ToString(CultureInfo.InvariantCulture) ?? "<unset>",
            hpa.Spec.MaxReplicas.ToString(CultureInfo.InvariantCulture),
            (hpa.Status?.CurrentReplicas ?? 0).ToString(CultureInfo.InvariantCulture),
            Age.Since(hpa.Metadata.CreationTimestamp, now),
        ]);
        return row;
    }
}
