namespace Platform.Cgroups.V1;

/// <summary>
/// cgroup v1: one directory per controller (/sys/fs/cgroup/memory/..., /cpu/..., /pids/...), each
/// written separately; the process must be added to every one.
/// </summary>
public sealed class CgroupV1(string mountRoot, string relativePath) : ICgroup
{
    /// <summary>
    /// The controllers a container joins: those whose limits or accounting it uses. Each join costs a
    /// cgroup attach, so cpuset, freezer and blkio, which nothing here sets, are left out.
    /// </summary>
    private static readonly string[] Controllers = ["memory", "cpu", "cpuacct", "pids", "devices"];

    /// <summary>The devices a container may use, as Docker allows them: everything else is denied.</summary>
    private static readonly string[] AllowedDevices =
    [
        "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm",
        "c 136:* rwm", "c *:* m", "b *:* m",
    ];

    public string RelativePath => relativePath;

    private IEnumerable<string> Directories =>
        Controllers.Select(c => Path.Combine(mountRoot, c)).Where(Directory.Exists).Select(c => Path.Combine(c, relativePath));

    private string Controller(string name) => Path.Combine(mountRoot, name, relativePath);

    public void Create()
    {
        foreach (var directory in Directories)
        {
            CgroupFiles.CreateDirectory(directory);
        }

        RestrictDevices();
    }

    public void Apply(CgroupResources resources)
    {
        if (resources.MemoryLimitBytes is { } memory)
        {
            CgroupFiles.Write(Controller("memory"), "memory.limit_in_bytes", memory);
        }

        if (resources.CpuPeriodMicros is { } period)
        {
            CgroupFiles.Write(Controller("cpu"), "cpu.cfs_period_us", period);
        }

        if (resources.CpuQuotaMicros is { } quota)
        {
            CgroupFiles.Write(Controller("cpu"), "cpu.cfs_quota_us", quota);
        }

        if (resources.CpuShares is { } shares)
        {
            CgroupFiles.Write(Controller("cpu"), "cpu.shares", shares);
        }

        if (resources.PidsLimit is { } pids)
        {
            CgroupFiles.Write(Controller("pids"), "pids.max", pids);
        }
    }

    public void AddProcess(int pid)
    {
        foreach (var directory in Directories)
        {
            CgroupFiles.Write(directory, "cgroup.procs", pid);
        }
    }

    public IReadOnlyList<int> Processes() => CgroupFiles.ReadPids(Controller("pids"));

    public long OomKillCount() => CgroupFiles.ReadKey(Controller("memory"), "memory.oom_control", "oom_kill");

    public void Destroy()
    {
        foreach (var directory in Directories)
        {
            CgroupFiles.KillAndRemove(directory);
        }
    }

    // Without this, a container with CAP_MKNOD could create and open a host disk's device node.
    private void RestrictDevices()
    {
        var devices = Controller("devices");
        if (!Directory.Exists(devices))
        {
            return;
        }

        CgroupFiles.Write(devices, "devices.deny", "a");
        foreach (var rule in AllowedDevices)
        {
            CgroupFiles.Write(devices, "devices.allow", rule);
        }
    }
}
