namespace Platform.Cgroups.V2;

/// <summary>
/// cgroup v2: one unified directory; controllers are enabled for children through each ancestor's
/// cgroup.subtree_control.
/// </summary>
public sealed class CgroupV2(string mountRoot, string relativePath) : ICgroup
{
    private static readonly string[] Wanted = ["cpu", "memory", "pids"];

    private string Directory => Path.Combine(mountRoot, relativePath);

    public string RelativePath => relativePath;

    public void Create()
    {
        CgroupFiles.CreateDirectory(Directory);
        EnableControllers();
    }

    public void Apply(CgroupResources resources)
    {
        if (resources.MemoryLimitBytes is { } memory)
        {
            CgroupFiles.Write(Directory, "memory.max", memory);
            CgroupFiles.Write(Directory, "memory.swap.max", 0);
        }

        if (resources.CpuQuotaMicros is { } quota)
        {
            CgroupFiles.Write(Directory, "cpu.max", $"{quota} {resources.CpuPeriodMicros ?? 100_000}");
        }

        if (resources.CpuShares is { } shares)
        {
            CgroupFiles.Write(Directory, "cpu.weight", SharesToWeight(shares));
        }

        if (resources.PidsLimit is { } pids)
        {
            CgroupFiles.Write(Directory, "pids.max", pids);
        }
    }

    public void AddProcess(int pid) => CgroupFiles.Write(Directory, "cgroup.procs", pid);

    public IReadOnlyList<int> Processes() => CgroupFiles.ReadPids(Directory);

    public long OomKillCount() => CgroupFiles.ReadKey(Directory, "memory.events", "oom_kill");

    public void Destroy()
    {
        var kill = Path.Combine(Directory, "cgroup.kill");
        if (File.Exists(kill))
        {
            File.WriteAllText(kill, "1");
        }

        CgroupFiles.KillAndRemove(Directory);
    }

    /// <summary>The conversion runc and crun use: shares 2..262144 onto weight 1..10000.</summary>
    public static long SharesToWeight(long shares) => 1 + ((Math.Clamp(shares, 2, 262_144) - 2) * 9999 / 262_142);

    private void EnableControllers()
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = mountRoot;
        foreach (var part in parts)
        {
            var available = File.ReadAllText(Path.Combine(current, "cgroup.controllers")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var enable = string.Join(' ', Wanted.Where(available.Contains).Select(c => "+" + c));
            if (enable.Length > 0)
            {
                CgroupFiles.Write(current, "cgroup.subtree_control", enable);
            }

            current = Path.Combine(current, part);
        }
    }
}
