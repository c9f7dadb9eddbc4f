using Platform.Cgroups;

namespace Platform.NodeAgent.Tests.Metrics;

/// <summary>The stats readers on directory trees laid out as the kernel lays out cgroup v1 and v2, with its file formats.</summary>
public sealed class CgroupStatsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cgroup-stats-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Version_1_reads_each_controller()
    {
        Write("cpuacct/platform/abc/cpuacct.usage", "1234567890\n");
        Write("memory/platform/abc/memory.usage_in_bytes", "10485760\n");
        Write("memory/platform/abc/memory.stat", "cache 4096\nrss 8192\ninactive_file 99\ntotal_cache 4096\ntotal_inactive_file 2097152\ntotal_active_file 0\n");
        Write("memory/platform/abc/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        Write("pids/platform/abc/pids.current", "3\n");

        var stats = new CgroupHierarchy(root, unified: false).ReadStats("platform/abc");

        Assert.Equal(new CgroupStats(1_234_567_890, 10_485_760, 10_485_760 - 2_097_152, 2, 3), stats);
    }

    [Fact]
    public void Version_2_reads_one_directory()
    {
        Write("cgroup.controllers", "cpu memory pids\n");
        Write("platform/abc/cpu.stat", "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\nnr_periods 0\n");
        Write("platform/abc/memory.current", "8388608\n");
        Write("platform/abc/memory.stat", "anon 4194304\nfile 4194304\nactive_file 0\ninactive_file 1048576\n");
        Write("platform/abc/memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\noom_group_kill 0\n");
        Write("platform/abc/pids.current", "7\n");

        var hierarchy = CgroupHierarchy.Detect(root);
        var stats = hierarchy.ReadStats("platform/abc");

        Assert.True(hierarchy.IsUnified);
        Assert.Equal(new CgroupStats(2_500_000, 8_388_608, 8_388_608 - 1_048_576, 1, 7), stats);
    }

    [Fact]
    public void A_missing_group_reads_as_none()
    {
        Assert.Null(new CgroupHierarchy(root, unified: false).ReadStats("platform/gone"));
        Assert.Null(new CgroupHierarchy(root, unified: true).ReadStats("platform/gone"));
    }

    [Fact]
    public void A_group_without_some_files_reads_them_as_zero()
    {
        Write("memory/platform/abc/memory.usage_in_bytes", "4096\n");

        var stats = new CgroupHierarchy(root, unified: false).ReadStats("platform/abc");

        Assert.Equal(new CgroupStats(0, 4096, 4096, 0, 0), stats);
    }

    [Fact]
    public void The_working_set_never_goes_below_zero() =>
        Assert.Equal(0, CgroupStats.WorkingSet(usage: 100, inactiveFile: 4096));

    [Fact]
    public void Flat_keyed_files_skip_lines_that_are_not_numbers()
    {
        var values = CgroupStatFiles.ParseFlatKeyed("usage_usec 10\nbroken\nname text\n nr_throttled 3 \n");

        Assert.Equal(2, values.Count);
        Assert.Equal(10, values["usage_usec"]);
        Assert.Equal(3, values["nr_throttled"]);
    }

    [Fact]
    public void Sums_add_every_figure() =>
        Assert.Equal(new CgroupStats(3, 30, 20, 1, 5), new CgroupStats(1, 10, 5, 0, 2).Add(new CgroupStats(2, 20, 15, 1, 3)));

    [Fact]
    public void The_hosts_own_root_group_reads()
    {
        // The real hierarchy of this machine: the root group has accounting on v1 and v2 alike.
        var hierarchy = CgroupHierarchy.Detect();
        var stats = hierarchy.ReadStats("");

        Assert.NotNull(stats);
        Assert.True(stats.CpuUsageNanoseconds > 0);
    }
}
