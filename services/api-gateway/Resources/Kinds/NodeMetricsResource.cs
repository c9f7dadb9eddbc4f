using Platform.Api.Model;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Metrics;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>metrics.k8s.io/v1beta1 nodes, read by <c>kubectl top nodes</c>: each registered node with a recent window.</summary>
public sealed class NodeMetricsResource : ResourceHandler
{
    private static readonly NodeResource Nodes = new();

    public override ResourceKind Kind { get; } = new("metrics.k8s.io", "v1beta1", "nodes", NodeMetrics.KindName, false, [], ["get", "list"], []);

    public override Type ObjectType => typeof(NodeMetrics);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("node"),
            new("CPU", "string", "CPU used over the window."),
            new("Memory", "string", "Memory in use."),
            new("Window", "string", "The span the CPU rate was measured over."),
        ],
        (item, _) => Row((NodeMetrics)item));

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var nodes = await Nodes.List(grains, null);
        var metrics = await Task.WhenAll(nodes.Select(n => Of(grains, (Node)n)));
        return metrics.OfType<NodeMetrics>().ToList<IApiObject>();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await Nodes.Get(grains, null, name) is Node node ? await Of(grains, node) : null;

    private static async Task<NodeMetrics?> Of(IGrainFactory grains, Node node)
    {
        var usage = await grains.GetGrain<INodeMetricsGrain>(node.Metadata.Name!).GetUsage(PodMetricsResource.Window);
        return usage is null
            ? null
            : new NodeMetrics
            {
                ApiVersion = PodMetrics.GroupVersion,
                Kind = NodeMetrics.KindName,
                Metadata = new ObjectMeta { Name = node.Metadata.Name, Labels = node.Metadata.Labels, CreationTimestamp = usage.Timestamp },
                Timestamp = usage.Timestamp,
                Window = ResourceUsage.GoDuration(usage.Window),
                Usage = ResourceUsage.Of(usage.CpuMillicores, usage.MemoryWorkingSetBytes),
            };
    }

    private static object?[] Row(NodeMetrics metrics) =>
        [metrics.Metadata.Name, metrics.Usage.GetValueOrDefault("cpu"), metrics.Usage.GetValueOrDefault("memory"), metrics.Window];
}
