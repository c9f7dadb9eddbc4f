using Orleans.Concurrency;

namespace Platform.Grains.Abstractions.Metrics;

/// <summary>
/// The recent usage of one node as a whole (keyed by node name), for <c>top nodes</c> and the metrics.k8s.io
/// NodeMetrics: the same short in-memory window as <see cref="IPodMetricsGrain"/>.
/// </summary>
public interface INodeMetricsGrain : IGrainWithStringKey
{
    [OneWay]
    Task RecordUsage(NodeUsageSample sample);

    /// <summary>The node's usage over the last <paramref name="window"/>; null without two recent samples.</summary>
    Task<NodeUsage?> GetUsage(TimeSpan window);
}

/// <summary>The node's cumulative busy CPU time (/proc/stat) and memory in use (MemTotal − MemAvailable) at one instant.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeUsageSample(
    [property: Id(0)] DateTimeOffset SampledAt,
    [property: Id(1)] long CpuUsageNanoseconds,
    [property: Id(2)] long MemoryWorkingSetBytes);

[GenerateSerializer, Immutable]
public sealed record NodeUsage(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] TimeSpan Window,
    [property: Id(2)] long CpuMillicores,
    [property: Id(3)] long MemoryWorkingSetBytes);
