using System.Globalization;
using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>The text of `describe hpa`, laid out as kubectl's: target, metrics (current / target), bounds, behavior, conditions.</summary>
internal static class DescribeAutoscaler
{
    public static string Render(HorizontalPodAutoscaler hpa, TimeZoneInfo zone)
    {
        var spec = hpa.Spec;
        var writer = new DescribeWriter();
        writer.Field(0, "Name", hpa.Metadata.Name)
            .Field(0, "Namespace", hpa.Metadata.Namespace);
        DescribeLabels.Write(writer, 0, "Labels", hpa.Metadata.Labels);
        DescribeLabels.Write(writer, 0, "Annotations", hpa.Metadata.Annotations);
        writer.Field(0, "CreationTimestamp", Timestamps.Format(hpa.Metadata.CreationTimestamp, zone))
            .Field(0, "Reference", $"{spec.ScaleTargetRef.Kind}/{spec.ScaleTargetRef.Name}")
            .Field(0, "Metrics", "( current / target )");
        var statuses = hpa.Status?.CurrentMetrics ?? [];
        var metrics = spec.Metrics ?? [];
        for (var i = 0; i < metrics.Count; i++)
        {
            var (label, value) = Metric(metrics[i], i < statuses.Count ? statuses[i] : null);
            writer.Field(1, label, value);
        }

        writer.Field(0, "Min replicas", spec.MinReplicas?.ToString(CultureInfo.InvariantCulture))
            .Field(0, "Max replicas", spec.MaxReplicas.ToString(CultureInfo.InvariantCulture));
        WriteBehavior(writer, spec.Behavior);
        writer.BeginAlignment()
            .Field(0, $"{spec.ScaleTargetRef.Kind} pods", $"{hpa.Status?.CurrentReplicas ?? 0} current / {hpa.Status?.DesiredReplicas ?? 0} desired");
        WriteConditions(writer, hpa.Status?.Conditions);
        return writer.Render();
    }

    private static (string Label, string Value) Metric(MetricSpec spec, MetricStatus? status)
    {
        if (spec.Type == HpaNames.PodsMetric && spec.Pods is { } pods)
        {
            return ($"\"{pods.Metric.Name}\" on pods", $"{status?.Pods?.Current.AverageValue ?? "<unknown>"} / {pods.Target.AverageValue}");
        }

        var resource = spec.Resource!;
        var current = status?.Resource?.Current;
        if (resource.Target.AverageValue is { } average)
        {
            return ($"resource {resource.Name} on pods", $"{current?.AverageValue ?? "<unknown>"} / {average}");
        }

        var used = current?.AverageUtilization is { } percent ? $"{percent}% ({current.AverageValue})" : "<unknown>";
        return ($"resource {resource.Name} on pods  (as a percentage of request)", $"{used} / {resource.Target.AverageUtilization}%");
    }

    private static void WriteBehavior(DescribeWriter writer, HorizontalPodAutoscalerBehavior? behavior)
    {
        if (behavior is null)
        {
            return;
        }

        writer.BeginAlignment().Heading(0, "Behavior");
        WriteRules(writer, "Scale Up", behavior.ScaleUp);
        WriteRules(writer, "Scale Down", behavior.ScaleDown);
    }

    private static void WriteRules(DescribeWriter writer, string label, HpaScalingRules? rules)
    {
        if (rules is null)
        {
            return;
        }

        writer.Heading(1, label);
        if (rules.StabilizationWindowSeconds is { } window)
        {
            writer.Text(2, $"Stabilization Window: {window} seconds");
        }

        writer.Text(2, $"Select Policy: {rules.SelectPolicy}").Text(2, "Policies:");
        foreach (var policy in rules.Policies ?? [])
        {
            writer.Text(3, $"- Type: {policy.Type,-7}  Value: {policy.Value,-3}  Period: {policy.PeriodSeconds} seconds");
        }
    }

    private static void WriteConditions(DescribeWriter writer, List<HorizontalPodAutoscalerCondition>? conditions)
    {
        if (conditions is not { Count: > 0 })
        {
            writer.BeginAlignment().Field(0, "Conditions", null);
            return;
        }

        var rows = conditions.Select(c => (IReadOnlyList<string>)[c.Type ?? string.Empty, c.Status ?? string.Empty, c.Reason ?? string.Empty, c.Message ?? string.Empty]);
        writer.BeginAlignment().Heading(0, "Conditions").Block(1, TableWriter.Render(["Type", "Status", "Reason", "Message"], rows));
    }
}
