namespace Platform.Cgroups.V1;

/// <summary>
/// cgroup v1: one directory per controller (/sys/fs/cgroup/memory/..., /cpu/..., /pids/...), each
/// written separately; the process must be added to every one.
/// </summary>
public sealed class CgroupV1(string mountRoot, string relativePath) : ICgroup
{
    private static readonly string[] Controllers = ["memory", "cpu", "cpuacct", "pids", "cpuset", "devices", "freezer", "blkio"];

    public string RelativePath => relativePath;

    private IEnumerable<string> Directories =>
        Controllers.Select(c => Path.Combine(mountRoot, c)).Where(Directory.Exists).Select(c => Path.Combine(c, relativePath));

    private string Controller(string name) => Path.Combine(mountRoot, name, relativePath);

    public void Create()
    {
        foreach (var directory in Directories)
        {
            Directory.CreateDirectory(directory);
        }

        InheritCpuset();
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

    // A new cpuset group starts with no CPUs and no memory nodes; a process cannot join it until they are set.
    private void InheritCpuset()
    {
        var cpuset = Controller("cpuset");
        if (!Directory.Exists(cpuset))
        {
            return;
        }

        for (var directory = cpuset; directory.Length > Path.Combine(mountRoot, "cpuset").Length; directory = Path.GetDirectoryName(directory)!)
        {
            CopyIfEmpty(directory, "cpuset.cpus");
            CopyIfEmpty(directory, "cpuset.mems");
        }

        CopyIfEmpty(cpuset, "cpuset.cpus");
        CopyIfEmpty(cpuset, "cpuset.mems");
    }

    private static void CopyIfEmpty(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (File.Exists(path) && File.ReadAllText(path).Trim().Length == 0)
        {
            var parent = Path.GetDirectoryName(directory)!;
            CopyIfEmpty(parent, file);
            File.WriteAllText(path, File.ReadAllText(Path.Combine(parent, file)).Trim());
        }
    }
}
