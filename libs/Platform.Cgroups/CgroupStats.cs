namespace Platform.Cgroups;

/// <summary>
/// What a container's control group has used, read at one instant. CPU time is a counter (it only grows while
/// the group lives); the rest are current values. The working set is what the kubelet and metrics-server call
/// it: usage less the inactive page cache the kernel can drop at once.
/// </summary>
public sealed record CgroupStats(
    long CpuUsageNanoseconds,
    long MemoryUsageBytes,
    long MemoryWorkingSetBytes,
    long OomKills,
    int Pids)
{
    public static CgroupStats Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The working set as the kubelet computes it: usage − inactive file pages, never below zero.</summary>
    public static long WorkingSet(long usage, long inactiveFile) => Math.Max(0, usage - inactiveFile);

    public CgroupStats Add(CgroupStats other) => new(
        CpuUsageNanoseconds + other.CpuUsageNanoseconds,
        MemoryUsageBytes + other.MemoryUsageBytes,
        MemoryWorkingSetBytes + other.MemoryWorkingSetBytes,
        OomKills + other.OomKills,
        Pids + other.Pids);
}
