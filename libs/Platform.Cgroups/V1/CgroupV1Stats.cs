namespace Platform.Cgroups.V1;

/// <summary>The accounting of a v1 group, spread over its controllers' directories.</summary>
public static class CgroupV1Stats
{
    /// <summary>The group's stats, or null when it does not exist (no memory or cpuacct directory).</summary>
    public static CgroupStats? Read(string mountRoot, string relativePath)
    {
        var cpuacct = Path.Combine(mountRoot, "cpuacct", relativePath);
        var memory = Path.Combine(mountRoot, "memory", relativePath);
        if (!Directory.Exists(cpuacct) && !Directory.Exists(memory))
        {
            return null;
        }

        var usage = CgroupStatFiles.ReadSingle(memory, "memory.usage_in_bytes");
        var stat = CgroupStatFiles.ReadFlatKeyed(memory, "memory.stat");
        return new CgroupStats(
            CgroupStatFiles.ReadSingle(cpuacct, "cpuacct.usage"),
            usage,
            CgroupStats.WorkingSet(usage, stat.Key("total_inactive_file")),
            CgroupStatFiles.ReadFlatKeyed(memory, "memory.oom_control").Key("oom_kill"),
            (int)CgroupStatFiles.ReadSingle(Path.Combine(mountRoot, "pids", relativePath), "pids.current"));
    }
}
