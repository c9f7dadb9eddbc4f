using Platform.Cgroups;
using Platform.Contracts;

namespace Platform.NodeAgent.Metrics;

/// <summary>
/// Reads the cgroups of a pod's containers (<c>platform/&lt;uid&gt;-&lt;container&gt;</c>, as the runtime launcher
/// names them) and sums them into one sample. A container that is not running has no group and counts zero.
/// </summary>
public sealed class PodSampler(CgroupHierarchy hierarchy)
{
    public PodMetricsSample Sample(StartPod pod)
    {
        var total = CgroupStats.Zero;
        var containers = new List<ContainerMetricsSample>();
        int? anyPid = null;
        foreach (var container in pod.Spec.Containers)
        {
            var path = $"platform/{pod.Uid}-{container.Name}";
            var stats = hierarchy.ReadStats(path) ?? CgroupStats.Zero;
            total = total.Add(stats);
            containers.Add(new ContainerMetricsSample(container.Name ?? "", stats.CpuUsageNanoseconds, stats.MemoryWorkingSetBytes));
            anyPid ??= FirstProcess(path);
        }

        var (received, transmitted) = pod.Spec.HostNetwork != true && anyPid is { } pid ? NetworkCounters.Read(pid) : (0, 0);
        return new PodMetricsSample(pod.Namespace, pod.Name, pod.Uid, total.CpuUsageNanoseconds, total.MemoryUsageBytes,
            total.MemoryWorkingSetBytes, total.Pids, received, transmitted, total.OomKills, containers);
    }

    private int? FirstProcess(string path)
    {
        try
        {
            var processes = hierarchy.For(path).Processes();
            return processes.Count > 0 ? processes[0] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
