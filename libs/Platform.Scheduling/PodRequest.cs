using Platform.Api.Model;

namespace Platform.Scheduling;

/// <summary>What placement knows of the pod to place.</summary>
public sealed record PodRequest(string Namespace, string Name, ResourceAmounts Requests, string? RequiredNodeName = null)
{
    private static readonly Dictionary<string, string> NoLabels = [];
    private static readonly Dictionary<string, long> NoLayers = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = NoLabels;

    /// <summary>spec.nodeSelector: every pair must be a label of the node.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = NoLabels;

    public NodeAffinity? NodeAffinity { get; init; }

    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>The host ports the pod's containers publish.</summary>
    public IReadOnlyList<HostPortClaim> HostPorts { get; init; } = [];

    /// <summary>The layers of the pod's images, digest to size in bytes, as far as the cluster knows them.</summary>
    public IReadOnlyDictionary<string, long> ImageLayers { get; init; } = NoLayers;

    /// <summary>The placement view of a stored pod; <paramref name="imageLayers"/> are its images' layers.</summary>
    public static PodRequest From(Pod pod, IReadOnlyDictionary<string, long>? imageLayers = null) =>
        new(pod.Metadata.Namespace ?? string.Empty, pod.Metadata.Name ?? string.Empty, pod.Spec.Requests(), pod.Spec.NodeName)
        {
            Labels = pod.Metadata.Labels ?? NoLabels,
            NodeSelector = pod.Spec.NodeSelector ?? NoLabels,
            NodeAffinity = pod.Spec.Affinity?.NodeAffinity,
            Tolerations = pod.Spec.Tolerations ?? [],
            HostPorts = HostPortClaim.Of(pod.Spec),
            ImageLayers = imageLayers ?? NoLayers,
        };
}
