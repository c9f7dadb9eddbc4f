using Platform.Api.Model;
using Platform.Grains.Abstractions;

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

    /// <summary>Labels the agent was configured with; the well-known ones are added by <see cref="NodeLabels"/>.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];
    public Dictionary<string, string> Annotations { get; set; } = [];
    public List<Taint> Taints { get; set; } = [];
    public bool Unschedulable { get; set; }

    /// <summary>Requests reserved per pod uid.</summary>
    public Dictionary<string, ResourceAmounts> Reservations { get; set; } = [];

    /// <summary>Pods given up on while the node was lost (uid → name), to stop if the node comes back running them.</summary>
    public Dictionary<string, LostPod> LostPods { get; set; } = [];

    /// <summary>
    /// Who each reserved pod is (namespace, labels), per pod uid, for spreading. Kept beside
    /// <see cref="Reservations"/> rather than inside it so records stored before it still read.
    /// </summary>
    public Dictionary<string, ReservedPod> ReservedPods { get; set; } = [];
}

public sealed record LostPod(string Namespace, string Name);
