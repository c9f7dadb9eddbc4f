using System.Globalization;

namespace Platform.Scheduling;

/// <summary>Where a pod goes, or, when nowhere, why each node was ruled out.</summary>
public sealed record PlacementDecision(string? NodeName, IReadOnlyDictionary<string, string> Rejections)
{
    /// <summary>Past this many nodes the message only counts reasons.</summary>
    public const int NodesNamedAtMost = 10;

    public bool Placed => NodeName is not null;

    /// <summary>
    /// Kubernetes' FailedScheduling message, then each node's reason, for example
    /// "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}.
    /// node-a: Insufficient cpu; node-b: node(s) had untolerated taint {dedicated: gpu}."
    /// </summary>
    public string Explain(int nodeCount)
    {
        if (Placed)
        {
            return $"placed on {NodeName}";
        }

        if (nodeCount == 0)
        {
            return "0/0 nodes are available: no nodes registered.";
        }

        var counted = Rejections.Values
            .GroupBy(r => r, StringComparer.Ordinal)
            .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key}")
            .Order(StringComparer.Ordinal);
        var perNode = Rejections.Take(NodesNamedAtMost).Select(r => $"{r.Key}: {r.Value}").ToList();
        var more = Rejections.Count > NodesNamedAtMost ? $"; and {Rejections.Count - NodesNamedAtMost} more" : string.Empty;
        return $"0/{nodeCount} nodes are available: {string.Join(", ", counted)}. {string.Join("; ", perNode)}{more}.";
    }
}
