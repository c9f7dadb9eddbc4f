using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>The text of `describe node`, laid out as kubectl's.</summary>
internal static class DescribeNode
{
    public static string Render(Node node, TimeZoneInfo zone)
    {
        var writer = new DescribeWriter();
        writer.Field(0, "Name", node.Metadata.Name)
            .Field(0, "Roles", NodeColumns.Roles(node));
        DescribeLabels.Write(writer, 0, "Labels", node.Metadata.Labels);
        DescribeLabels.Write(writer, 0, "Annotations", node.Metadata.Annotations);
        writer.Field(0, "CreationTimestamp", Timestamps.Format(node.Metadata.CreationTimestamp, zone));
        DescribeScheduling.WriteLines(writer, "Taints", (node.Spec.Taints ?? []).Select(DescribeScheduling.Taint).ToList());
        writer.Field(0, "Unschedulable", node.Spec.Unschedulable == true ? "true" : "false");
        WriteConditions(writer, node.Status?.Conditions, zone);
        WriteAddresses(writer, node.Status?.Addresses);
        DescribeLabels.WriteFields(writer.BeginAlignment(), 0, "Capacity", node.Status?.Capacity);
        DescribeLabels.WriteFields(writer.BeginAlignment(), 0, "Allocatable", node.Status?.Allocatable);
        WriteSystemInfo(writer, node.Status?.NodeInfo);
        return writer.Render();
    }

    private static void WriteConditions(DescribeWriter writer, List<NodeCondition>? conditions, TimeZoneInfo zone)
    {
        if (conditions is not { Count: > 0 })
        {
            writer.BeginAlignment().Field(0, "Conditions", null);
            return;
        }

        var rows = conditions.Select(c => (IReadOnlyList<string>)[
            c.Type ?? string.Empty,
            c.Status ?? string.Empty,
            Timestamps.Format(c.LastHeartbeatTime, zone) ?? string.Empty,
            c.Reason ?? string.Empty,
            c.Message ?? string.Empty,
        ]);
        var headers = new[] { "Type", "Status", "LastHeartbeatTime", "Reason", "Message" };
        writer.BeginAlignment().Heading(0, "Conditions").Block(1, TableWriter.Render(headers, rows));
    }

    private static void WriteAddresses(DescribeWriter writer, List<NodeAddress>? addresses)
    {
        var pairs = (addresses ?? [])
            .Where(a => a.Type is not null)
            .GroupBy(a => a.Type!)
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(a => a.Address)));
        DescribeLabels.WriteFields(writer.BeginAlignment(), 0, "Addresses", pairs);
    }

    private static void WriteSystemInfo(DescribeWriter writer, NodeSystemInfo? info)
    {
        if (info is null)
        {
            writer.BeginAlignment().Field(0, "System Info", null);
            return;
        }

        writer.BeginAlignment().Heading(0, "System Info")
            .Field(1, "Kernel Version", info.KernelVersion)
            .Field(1, "OS Image", info.OsImage)
            .Field(1, "Operating System", info.OperatingSystem)
            .Field(1, "Architecture", info.Architecture)
            .Field(1, "Container Runtime Version", info.ContainerRuntimeVersion)
            .Field(1, "Kubelet Version", info.KubeletVersion);
    }
}
