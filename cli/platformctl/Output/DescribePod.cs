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

        var rows = conditions.Select(c => (IReadOnlyList<string>)[c.Type ?? string.Empty, c.Status ?? string.Empty]);
        writer.BeginAlignment().Heading(0, "Conditions").Block(1, TableWriter.Render(["Type", "Status"], rows));
    }

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
