using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Isolation;

/// <summary>Memory, process-count and CPU limits enforced by the container's cgroup.</summary>
public sealed class CgroupLimitTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();

    public void Dispose() => runtime.Dispose();

    [Fact]
    public async Task Exceeding_the_memory_limit_kills_the_container_with_137()
    {
        // tail keeps the last 150 MB it read in memory; /dev/zero never ends: against a 32 MiB limit.
        using var bundle = new BusyboxBundle();
        bundle.Spec.Linux!.Resources = new Spec.SpecResources { Memory = new Spec.SpecMemory { Limit = 32 * 1024 * 1024 } };
        bundle.Spec.Process!.Args = ["tail", "-c", "150000000", "/dev/zero"];

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "oom");

        Assert.Equal(137, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(bundle.Directory, "oom-killed")), "the OOM kill was not recorded in the bundle");
    }

    [Fact]
    public async Task A_fork_bomb_is_contained_by_the_pids_limit()
    {
        // The bomb runs in an inner shell, which dies when fork fails; the outer shell reports with builtins only,
        // since every process slot may be taken by the bomb's sleeps.
        using var bundle = new BusyboxBundle(
            "sh -c 'while true; do sleep 30 & done' 2>/tmp/errors",
            "echo bomb-exit=$?",
            "read error < /tmp/errors; echo \"$error\"");
        bundle.Spec.Linux!.Resources = new Spec.SpecResources { Pids = new Spec.SpecPids { Limit = 10 } };

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "fork-bomb");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("bomb-exit=2\nsh: can't fork: Resource temporarily unavailable\n", result.Output);
    }

    [Fact]
    public async Task Cpu_and_memory_limits_are_written_to_the_containers_cgroup_and_removed_with_it()
    {
        using var bundle = new BusyboxBundle("sleep 30");
        bundle.Spec.Linux!.Resources = new Spec.SpecResources
        {
            Cpu = new Spec.SpecCpu { Quota = 25_000, Period = 100_000, Shares = 512 },
            Memory = new Spec.SpecMemory { Limit = 64 * 1024 * 1024 },
        };
        var cgroup = bundle.Spec.Linux.CgroupsPath!;
        await runtime.RunAsync("create", "--bundle", bundle.Save().Directory, "limits");

        var quota = File.ReadAllText(CgroupProbe.File_("cpu", cgroup, "cpu.cfs_quota_us", "cpu.max")).Trim();
        var memory = File.ReadAllText(CgroupProbe.File_("memory", cgroup, "memory.limit_in_bytes", "memory.max")).Trim();
        var delete = await runtime.RunAsync("delete", "--force", "limits");

        Assert.Equal(CgroupProbe.IsUnified ? "25000 100000" : "25000", quota);
        Assert.Equal("67108864", memory);
        Assert.Equal(0, delete.ExitCode);
        Assert.False(CgroupProbe.Exists(cgroup));
    }
}
