using System.Diagnostics.Metrics;
using Platform.Contracts;

namespace Platform.NodeAgent.Metrics;

/// <summary>
/// The node's and its pods' usage for /metrics, from the sampler's newest sample (labels namespace and pod, as
/// cAdvisor's container metrics carry them).
/// </summary>
public sealed class NodeAgentMetrics
{
    public const string MeterName = "Platform.NodeAgent";

    private NodeMetricsSampled? latest;

    public NodeAgentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("platform.pod.cpu.usage", () => PerPod(p => p.CpuUsageNanoseconds / 1e9), "s", "CPU time used by the pod's containers");
        meter.CreateObservableGauge("platform.pod.memory.working_set", () => PerPod(p => p.MemoryWorkingSetBytes), "By", "Working set of the pod's containers (usage less inactive file pages)");
        meter.CreateObservableGauge("platform.pod.memory.usage", () => PerPod(p => p.MemoryUsageBytes), "By", "Memory charged to the pod's containers");
        meter.CreateObservableGauge("platform.pod.pids", () => PerPod(p => (long)p.Pids), "{process}", "Processes in the pod's containers");
        meter.CreateObservableCounter("platform.pod.oom_kills", () => PerPod(p => p.OomKills), "{kill}", "Processes of the pod killed by the OOM killer");
        meter.CreateObservableCounter("platform.pod.network.receive", () => PerPod(p => p.NetworkReceiveBytes), "By", "Bytes received on the pod's interfaces");
        meter.CreateObservableCounter("platform.pod.network.transmit", () => PerPod(p => p.NetworkTransmitBytes), "By", "Bytes sent on the pod's interfaces");
        meter.CreateObservableGauge("platform.node.running_containers", () => (long)(latest?.Pods.Sum(p => p.Containers.Count(c => c.CpuUsageNanoseconds > 0 || c.MemoryWorkingSetBytes > 0)) ?? 0), "{container}", "Containers with a live cgroup on this node");
        meter.CreateObservableCounter("platform.node.cpu.usage", () => (latest?.CpuUsageNanoseconds ?? 0) / 1e9, "s", "Busy CPU time of the whole node");
        meter.CreateObservableGauge("platform.node.memory.working_set", () => latest?.MemoryWorkingSetBytes ?? 0, "By", "Memory in use on the node (MemTotal - MemAvailable)");
    }

    public void Update(NodeMetricsSampled sample) => latest = sample;

    private IEnumerable<Measurement<T>> PerPod<T>(Func<PodMetricsSample, T> value)
        where T : struct =>
        (latest?.Pods ?? []).Select(p => new Measurement<T>(value(p),
            new KeyValuePair<string, object?>("namespace", p.Namespace), new KeyValuePair<string, object?>("pod", p.Name)));
}
