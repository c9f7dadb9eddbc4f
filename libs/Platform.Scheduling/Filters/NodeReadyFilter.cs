namespace Platform.Scheduling.Filters;

/// <summary>A node whose agent stopped heartbeating takes no pods.</summary>
public sealed class NodeReadyFilter : INodeFilter
{
    public const string Reason = "node(s) were not ready";

    public string? Reject(PodRequest pod, NodeCandidate node) => node.Ready ? null : Reason;
}
