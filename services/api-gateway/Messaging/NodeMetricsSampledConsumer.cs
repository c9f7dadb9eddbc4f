using MassTransit;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Metrics;

namespace Platform.ApiGateway.Messaging;

/// <summary>Hands a node's samples to the metrics grains: one-way calls, so a sample costs the consumer no round trip.</summary>
public sealed class NodeMetricsSampledConsumer(IGrainFactory grains) : IConsumer<NodeMetricsSampled>
{
    public async Task Consume(ConsumeContext<NodeMetricsSampled> context)
    {
        var sample = context.Message;
        var calls = new List<Task>(sample.Pods.Count + 1)
        {
            grains.GetGrain<INodeMetricsGrain>(sample.NodeName).RecordUsage(new NodeUsageSample(sample.SampledAt, sample.CpuUsageNanoseconds, sample.MemoryWorkingSetBytes)),
        };
        foreach (var pod in sample.Pods)
        {
            calls.Add(grains.GetGrain<IPodMetricsGrain>(GrainKeys.Pod(pod.Namespace, pod.Name)).RecordUsage(ToUsage(sample.SampledAt, pod)));
        }

        await Task.WhenAll(calls);
    }

    public static PodUsageSample ToUsage(DateTimeOffset at, PodMetricsSample pod) =>
        new(at, pod.CpuUsageNanoseconds, pod.MemoryWorkingSetBytes, pod.MemoryUsageBytes, pod.Pids, pod.NetworkReceiveBytes,
            pod.NetworkTransmitBytes, (int)Math.Min(int.MaxValue, pod.OomKills))
        {
            Containers = pod.Containers.Select(c => new ContainerUsageSample(c.Name, c.CpuUsageNanoseconds, c.MemoryWorkingSetBytes)).ToList(),
        };
}
