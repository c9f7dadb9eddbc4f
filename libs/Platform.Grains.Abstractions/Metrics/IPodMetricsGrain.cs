using Orleans.Concurrency;

namespace Platform.Grains.Abstractions.Metrics;

/// <summary>
/// The recent resource usage and request rate of one pod (keyed by <see cref="GrainKeys.Pod"/>), a short
/// in-memory window like metrics-server's: node agents feed container samples, the ingress feeds request
/// counts, the autoscaler and <c>top</c> read averages.
/// </summary>
public interface IPodMetricsGrain : IGrainWithStringKey
{
    /// <summary>One sample of the pod's cgroups, taken by its node agent.</summary>
    [OneWay]
    Task RecordUsage(PodUsageSample sample);

    /// <summary>
    /// How many requests the ingress has sent to this pod so far (a counter, as Prometheus keeps one). Report every
    /// pod periodically, also when its counter did not move: a pod whose newest request sample is older than
    /// <see cref="PodMetricsWindow.StaleAfter"/> has no request rate (null), like one never reported.
    /// </summary>
    [OneWay]
    Task RecordRequests(PodRequestSample sample);

    /// <summary>
    /// The pod's usage over the last <paramref name="window"/>; null when the window holds fewer than two usage
    /// samples (a CPU rate needs two), which the autoscaler treats as a missing metric.
    /// </summary>
    Task<PodUsage?> GetUsage(TimeSpan window);
}

/// <summary>
/// Cumulative CPU time and current memory of a pod's containers at one instant (cgroup cpuacct.usage /
/// cpu.stat usage_usec; memory usage less inactive file = working set, as the kubelet computes it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PodUsageSample(
    [property: Id(0)] DateTimeOffset SampledAt,
    [property: Id(1)] long CpuUsageNanoseconds,
    [property: Id(2)] long MemoryWorkingSetBytes,
    [property: Id(3)] long MemoryUsageBytes,
    [property: Id(4)] int Pids,
    [property: Id(5)] long NetworkReceiveBytes,
    [property: Id(6)] long NetworkTransmitBytes,
    [property: Id(7)] int OomEvents)
{
    /// <summary>The same figures per container (their sums are the pod's); null from a sender that has none.</summary>
    [Id(8)]
    public IReadOnlyList<ContainerUsageSample>? Containers { get; init; }
}

/// <summary>One container's share of a <see cref="PodUsageSample"/>: its cumulative CPU time and working set.</summary>
[GenerateSerializer, Immutable]
public sealed record ContainerUsageSample(
    [property: Id(0)] string Name,
    [property: Id(1)] long CpuUsageNanoseconds,
    [property: Id(2)] long MemoryWorkingSetBytes);

/// <summary>One container's share of a <see cref="PodUsage"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ContainerUsage(
    [property: Id(0)] string Name,
    [property: Id(1)] long CpuMillicores,
    [property: Id(2)] long MemoryWorkingSetBytes);

/// <summary>How long the grains keep samples and when they count as stale.</summary>
public static class PodMetricsWindow
{
    /// <summary>Samples older than this (behind the newest) are dropped.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(2);

    /// <summary>A newest sample older than this (behind now) means no figures: the sender stopped (pod or node gone).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);
}

/// <summary>The total number of requests the ingress has routed to a pod, at one instant.</summary>
[GenerateSerializer, Immutable]
public sealed record PodRequestSample(
    [property: Id(0)] DateTimeOffset SampledAt,
    [property: Id(1)] long RequestsTotal);

/// <summary>
/// A pod's usage averaged over a window: CPU in millicores (rate of CPU time), memory as the latest working set,
/// requests per second when the ingress has reported the pod (null otherwise).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PodUsage(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] TimeSpan Window,
    [property: Id(2)] long CpuMillicores,
    [property: Id(3)] long MemoryWorkingSetBytes,
    [property: Id(4)] double? RequestsPerSecond)
{
    /// <summary>Per container, when the samples carried them (metrics.k8s.io lists containers).</summary>
    [Id(5)]
    public IReadOnlyList<ContainerUsage>? Containers { get; init; }

    /// <summary>The newest sample's other figures, for top and /metrics.</summary>
    [Id(6)]
    public PodUsageSample? Latest { get; init; }
}
