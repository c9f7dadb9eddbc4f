using Platform.Api.Model;

namespace Platform.Grains.Nodes;

/// <summary>The persisted state of a node grain: what the agent registered and what is reserved on it.</summary>
public sealed class NodeRecord
{
    public string? Uid { get; set; }
    public DateTimeOffset? CreationTimestamp { get; set; }
    public string? AgentEndpoint { get; set; }
    public ResourceAmounts Capacity { get; set; }
    public ResourceAmounts Allocatable { get; set; }
    public int MaxPods { get; set; }
    public NodeSystemInfo? SystemInfo { get; set; }
    public long ResourceVersion { get; set; }

    /// <summary>Requests reserved per pod uid.</summary>
    public Dictionary<string, ResourceAmounts> Reservations { get; set; } = [];

    /// <summary>Pods given up on while the node was lost (uid → name), to stop if the node comes back running them.</summary>
    public Dictionary<string, LostPod> LostPods { get; set; } = [];
}

public sealed record LostPod(string Namespace, string Name);
