using System.Globalization;
using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>The text of `describe pod`, laid out as kubectl's.</summary>
internal static class DescribePod
{
    public static string Render(Pod pod, TimeZoneInfo zone)
    {
        var writer = new DescribeWriter();
        WriteHeader(writer, pod, zone);
        WriteContainers(writer, pod, zone);
        WriteConditions(writer, pod.Status?.Conditions);
        WriteScheduling(writer.BeginAlignment(), pod.Spec);
        return writer.Render();
    }

    private static void WriteHeader(DescribeWriter writer, Pod pod, TimeZoneInfo zone)
    {
        writer.Field(0, "Name", pod.Metadata.Name)
            .Field(0, "Namespace", pod.Metadata.Namespace)
            .Field(0, "Node", NodeText(pod))
            .Field(0, "Start Time", Timestamps.Format(pod.Status?.StartTime, zone));
        DescribeLabels.Write(writer, 0, "Labels", pod.Metadata.Labels);
        DescribeLabels.Write(writer, 0, "Annotations", pod.Metadata.Annotations);
        writer.Field(0, "Status", PodStatusText.For(pod));
        if (pod.Metadata.DeletionTimestamp is { } deletion)
        {
            writer.Field(0, "Termination Requested", Timestamps.Format(deletion, zone));
        }

        WriteOptional(writer, "Reason", pod.Status?.Reason);
        WriteOptional(writer, "Message", pod.Status?.Message);
        writer.Field(0, "IP", pod.Status?.PodIP)
            .Field(0, "Restart Policy", pod.Spec.RestartPolicy);
    }

    private static void WriteOptional(DescribeWriter writer, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.Field(0, label, value);
        }
    }

    private static string? NodeText(Pod pod) => (pod.Spec.NodeName, pod.Status?.HostIP) switch
    {
        (null or "", _) => null,
        ({ } node, null or "") => node,
        ({ } node, { } ip) => $"{node}/{ip}",
    };

    private static void WriteContainers(DescribeWriter writer, Pod pod, TimeZoneInfo zone)
    {
        writer.Heading(0, "Containers");
        foreach (var container in pod.Spec.Containers)
        {
            var status = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container.Name);
            DescribeContainer.Write(writer.BeginAlignment(), container, status, zone);
        }
    }

    private static void WriteConditions(DescribeWriter writer, List<PodCondition>? conditions)
    {
        if (conditions is not { Count: > 0 })
        {
            writer.BeginAlignment().Field(0, "Conditions", null);
            return;
        }

        // Until the cluster records events, the reason a pod is not scheduled (FailedScheduling in
        // kubectl's Events) is read from its condition: Reason and Message show when a condition has one.
        var withReasons = conditions.Any(c => !string.IsNullOrEmpty(c.Reason));
        var rows = conditions.Select(c => withReasons
            ? (IReadOnlyList<string>)[c.Type ?? string.Empty, c.Status ?? string.Empty, c.Reason ?? string.Empty, c.Message ?? string.Empty]
            : [c.Type ?? string.Empty, c.Status ?? string.Empty]);
        string[] headers = withReasons ? ["Type", "Status", "Reason", "Message"] : ["Type", "Status"];
        writer.BeginAlignment().Heading(0, "Conditions").Block(1, TableWriter.Render(headers, rows));
    }

    private static void WriteScheduling(DescribeWriter writer, PodSpec spec)
    {
        DescribeLabels.Write(writer, 0, "Node-Selectors", spec.NodeSelector);
        DescribeScheduling.WriteLines(writer, "Tolerations", (spec.Tolerations ?? []).Select(DescribeScheduling.Toleration).ToList());
    }

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
