namespace Platform.Cgroups.V2;

/// <summary>The accounting of a v2 group, all in its one directory.</summary>
public static class CgroupV2Stats
{
    /// <summary>The group's stats, or null when it does not exist.</summary>
    public static CgroupStats? Read(string mountRoot, string relativePath)
    {
        var directory = Path.Combine(mountRoot, relativePath);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var usage = CgroupStatFiles.ReadSingle(directory, "memory.current");
        var stat = CgroupStatFiles.ReadFlatKeyed(directory, "memory.stat");
        return new CgroupStats(
            CgroupStatFiles.ReadFlatKeyed(directory, "cpu.stat").Key("usage_usec") * 1000,
            usage,
            CgroupStats.WorkingSet(usage, stat.Key("inactive_file")),
            CgroupStatFiles.ReadFlatKeyed(directory, "memory.events").Key("oom_kill"),
            (int)CgroupStatFiles.ReadSingle(directory, "pids.current"));
    }
}
