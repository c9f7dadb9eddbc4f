using Platform.Api.Model;

namespace Platform.Grains.Nodes;

/// <summary>A node's labels: the well-known ones from what its agent reports, then those it was configured with.</summary>
internal static class NodeLabels
{
    public static Dictionary<string, string> Of(string name, NodeRecord record)
    {
        var labels = new Dictionary<string, string>(record.Labels, StringComparer.Ordinal)
        {
            [WellKnownNodeLabels.Hostname] = name,
            [WellKnownNodeLabels.OperatingSystem] = record.SystemInfo?.OperatingSystem ?? "linux",
        };
        if (record.SystemInfo?.Architecture is { } architecture)
        {
            labels[WellKnownNodeLabels.Architecture] = architecture;
        }

        return labels;
    }

    /// <summary>The labels a user asked for, less those the node itself reports (they are set again from its facts).</summary>
    public static Dictionary<string, string> UserLabels(IReadOnlyDictionary<string, string>? labels) =>
        (labels ?? new Dictionary<string, string>())
            .Where(l => l.Key is not (WellKnownNodeLabels.Hostname or WellKnownNodeLabels.OperatingSystem or WellKnownNodeLabels.Architecture))
            .ToDictionary(StringComparer.Ordinal);
}
