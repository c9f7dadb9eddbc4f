using Platform.Api.Model;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Metrics;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>
/// metrics.k8s.io/v1beta1 pods, read by <c>kubectl top pods</c> and <c>platformctl top pods</c>: every pod whose
/// metrics grain has a recent window, with the pod's labels (so label selectors work, as on metrics-server).
/// Pods without samples are left out, as metrics-server leaves them out.
/// </summary>
public sealed class PodMetricsResource : ResourceHandler
{
    /// <summary>How far back a rate reaches: a few samples at the agents' 2 s interval.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static readonly PodResource Pods = new();

    public override ResourceKind Kind { get; } = new("metrics.k8s.io", "v1beta1", "pods", PodMetrics.KindName, true, [], ["get", "list"], []);

    public override Type ObjectType => typeof(PodMetrics);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("pod"),
            new("CPU", "string", "CPU used over the window."),
            new("Memory", "string", "Working set of memory."),
            new("Window", "string", "The span the CPU rate was measured over."),
        ],
        (item, _) => Row((PodMetrics)item));

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var pods = await Pods.List(grains, @namespace);
        var metrics = await Task.WhenAll(pods.Select(p => Of(grains, (Pod)p)));
        return metrics.OfType<PodMetrics>().ToList<IApiObject>();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await Pods.Get(grains, @namespace, name) is Pod pod ? await Of(grains, pod) : null;

    private static async Task<PodMetrics?> Of(IGrainFactory grains, Pod pod)
    {
        var usage = await grains.GetGrain<IPodMetricsGrain>(GrainKeys.Pod(pod.Metadata.Namespace!, pod.Metadata.Name!)).GetUsage(Window);
        if (usage is null)
        {
            return null;
        }

        var containers = usage.Containers is { Count: > 0 } perContainer
            ? perContainer.Select(c => new ContainerMetrics { Name = c.Name, Usage = ResourceUsage.Of(c.CpuMillicores, c.MemoryWorkingSetBytes) })
            : [new ContainerMetrics { Name = pod.Spec.Containers.FirstOrDefault()?.Name, Usage = ResourceUsage.Of(usage.CpuMillicores, usage.MemoryWorkingSetBytes) }];
        return new PodMetrics
        {
            ApiVersion = PodMetrics.GroupVersion,
            Kind = PodMetrics.KindName,
            Metadata = new ObjectMeta
            {
                Name = pod.Metadata.Name,
                Namespace = pod.Metadata.Namespace,
                Labels = pod.Metadata.Labels,
                CreationTimestamp = usage.Timestamp,
            },
            Timestamp = usage.Timestamp,
            Window = ResourceUsage.GoDuration(usage.Window),
            Containers = containers.ToList(),
        };
    }

    private static object?[] Row(PodMetrics metrics)
    {
        long cpu = 0, memory = 0;
        foreach (var container in metrics.Containers)
        {
            cpu += Quantity.TryParse(container.Usage.GetValueOrDefault("cpu"), out var c) ? Quantity.ToMilli(c) : 0;
            memory += Quantity.TryParse(container.Usage.GetValueOrDefault("memory"), out var m) ? Quantity.ToWhole(m) : 0;
        }

        return [metrics.Metadata.Name, Quantity.FormatMilliCpu(cpu), Quantity.FormatBytes(memory), metrics.Window];
    }
}
