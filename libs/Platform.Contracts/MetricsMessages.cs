namespace Platform.Contracts;

/// <summary>
/// What a node and each of its running pods used, sampled at one instant. Published by node agents every
/// PLATFORM_METRICS_INTERVAL_MS (2 s) as a transient message with a short time to live; consumed by the
/// api-gateway, which feeds the node's and the pods' metrics grains. Lossy by design: a lost sample only
/// widens the next rate's interval.
/// </summary>
public sealed record NodeMetricsSampled(
    string NodeName,
    DateTimeOffset SampledAt,
    long CpuUsageNanoseconds,
    long MemoryWorkingSetBytes,
    IReadOnlyList<PodMetricsSample> Pods);

/// <summary>One pod's cgroup figures, summed over its containers (cumulative CPU time and OOM kills; current memory, pids, network bytes).</summary>
public sealed record PodMetricsSample(
    string Namespace,
    string Name,
    string Uid,
    long CpuUsageNanoseconds,
    long MemoryUsageBytes,
    long MemoryWorkingSetBytes,
    int Pids,
    long NetworkReceiveBytes,
    long NetworkTransmitBytes,
    long OomKills,
    IReadOnlyList<ContainerMetricsSample> Containers);

/// <summary>One container's cumulative CPU time and working set.</summary>
public sealed record ContainerMetricsSample(string Name, long CpuUsageNanoseconds, long MemoryWorkingSetBytes);
