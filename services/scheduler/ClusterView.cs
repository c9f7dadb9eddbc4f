using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Oci.References;
using Platform.Scheduling;

namespace Platform.Scheduler;

/// <summary>
/// Reads what placement needs from the grains, fresh for every decision: each node (capacity, labels,
/// taints, the pods reserved on it) and each image the nodes have pulled (which layers each node holds).
/// </summary>
public sealed class ClusterView(IGrainFactory grains, SchedulerSettings settings)
{
    public async Task<(PodRequest Pod, IReadOnlyList<NodeCandidate> Nodes)> Read(Pod pod)
    {
        var snapshots = await NodeSnapshots();
        var images = await Images();
        var layersByNode = LayersByNode(images.Values);
        var nodes = snapshots
            .Select(s => new NodeCandidate(s.Name, s.Ready, s.Unschedulable, s.Allocatable, s.Allocated, s.PodCount, s.MaxPods)
            {
                Labels = s.Labels,
                Taints = s.Taints,
                Pods = s.Pods.Select(p => new PlacedPod(p.Namespace, p.Labels) { HostPorts = p.HostPorts ?? [] }).ToList(),
                ImageLayers = layersByNode.GetValueOrDefault(s.Name) ?? [],
            })
            .ToList();
        return (PodRequest.From(pod, PodImageLayers(pod, images)), nodes);
    }

    private async Task<IReadOnlyList<NodeSnapshot>> NodeSnapshots()
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        var snapshots = await Task.WhenAll(names.Select(n => grains.GetGrain<INodeGrain>(n).GetSnapshot()));
        return snapshots.OfType<NodeSnapshot>().ToList();
    }

    private async Task<Dictionary<string, Image>> Images()
    {
        var references = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.ImageIndex).List(null);
        var images = await Task.WhenAll(references.Select(r => grains.GetGrain<IImageGrain>(r).Get()));
        return references.Zip(images)
            .Where(pair => pair.Second is not null)
            .ToDictionary(pair => pair.First, pair => pair.Second!, StringComparer.Ordinal);
    }

    /// <summary>The layers each node holds: those of every image it pulled at the digest the grain describes.</summary>
    private static Dictionary<string, HashSet<string>> LayersByNode(IEnumerable<Image> images)
    {
        var byNode = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            foreach (var node in image.Status.Nodes.Where(n => n.Name is not null && n.Digest == image.Status.Digest))
            {
                var layers = byNode.TryGetValue(node.Name!, out var set) ? set : byNode[node.Name!] = new HashSet<string>(StringComparer.Ordinal);
                layers.UnionWith(image.Status.Layers.Select(l => l.Digest).OfType<string>());
            }
        }

        return byNode;
    }

    /// <summary>Digest and size of every layer of the pod's images that some node has pulled; unknown images add nothing.</summary>
    private Dictionary<string, long> PodImageLayers(Pod pod, Dictionary<string, Image> images)
    {
        var layers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var container in pod.Spec.Containers)
        {
            if (container.Image is { } text && ImageReference.TryParse(text, out var reference, settings.DefaultRegistry)
                && images.TryGetValue((reference! with { Digest = null }).ToString(), out var image))
            {
                foreach (var layer in image.Status.Layers.Where(l => l.Digest is not null))
                {
                    layers[layer.Digest!] = layer.Size;
                }
            }
        }

        return layers;
    }
}
