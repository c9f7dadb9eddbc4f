using Platform.Api.Model;

namespace Platform.Scheduling;

/// <summary>What placement knows of one node at the moment of a decision.</summary>
public sealed record NodeCandidate(
    string Name,
    bool Ready,
    bool Unschedulable,
    ResourceAmounts Allocatable,
    ResourceAmounts Allocated,
    int PodCount,
    int MaxPods)
{
    private static readonly Dictionary<string, string> NoLabels = [];
    private static readonly HashSet<string> NoLayers = [];

    public ResourceAmounts Free => Allocatable - Allocated;

    /// <summary>The node's labels, the well-known ones (kubernetes.io/hostname, os, arch) included.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = NoLabels;

    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>The pods reserved on the node.</summary>
    public IReadOnlyList<PlacedPod> Pods { get; init; } = [];

    /// <summary>Digests of the image layers the node already holds.</summary>
    public IReadOnlySet<string> ImageLayers { get; init; } = NoLayers;
}

/// <summary>A pod already reserved on a node, as spreading and the host-ports filter see it.</summary>
public sealed record PlacedPod(string? Namespace, IReadOnlyDictionary<string, string>? Labels)
{
    public IReadOnlyList<HostPortClaim> HostPorts { get; init; } = [];
}
