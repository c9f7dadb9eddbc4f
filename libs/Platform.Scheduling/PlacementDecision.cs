namespace Platform.Scheduling;

/// <summary>Where a pod goes, or, when nowhere, why each node was ruled out.</summary>
public sealed record PlacementDecision(string? NodeName, IReadOnlyDictionary<string, string> Rejections)
{
    public bool Placed => NodeName is not null;

    /// <summary>For example "0/2 nodes are available: node-a: insufficient cpu, node-b: node is not ready".</summary>
    public string Explain(int nodeCount) =>
        Placed ? $"placed on {NodeName}"
        : nodeCount == 0 ? "0/0 nodes are available: no nodes registered"
        : $"0/{nodeCount} nodes are available: " + string.Join(", ", Rejections.Select(r => $"{r.Key}: {r.Value}"));
}
