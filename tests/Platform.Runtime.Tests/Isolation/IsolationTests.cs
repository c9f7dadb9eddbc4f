using System.Globalization;
using Platform.Runtime.Init;
using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Isolation;

/// <summary>What a process inside a container sees, checked from inside it.</summary>
public sealed class IsolationTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();

    public void Dispose() => runtime.Dispose();

    [Fact]
    public async Task The_container_process_is_pid_1_and_sees_no_host_process()
    {
        // Counted without pipes or subshells, so exactly two processes exist when ls reads /proc: sh and ls.
        var output = await RunScript(
            "echo pid=$$",
            "ls /proc > /tmp/proc",
            "n=0; while read entry; do case $entry in [0-9]*) n=$((n+1));; esac; done < /tmp/proc; echo processes=$n");

        Assert.Equal("pid=1\nprocesses=2\n", output);
    }

    [Fact]
    public async Task The_container_has_its_own_hostname()
    {
        Assert.Equal("test-container\n", await RunScript("hostname"));
    }

    [Fact]
    public async Task The_root_is_the_bundle_rootfs_and_no_host_mount_is_visible()
    {
        var output = await RunScript("ls /", "echo ---", "cat /proc/self/mounts");

        var listing = output[..output.IndexOf("---", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["bin", "dev", "etc", "proc", "root", "sys", "tmp"], listing);
        Assert.DoesNotContain("/work", output, StringComparison.Ordinal);
        Assert.DoesNotContain("platform-bundle-", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_masked_paths_are_hidden_and_read_only_paths_cannot_be_written()
    {
        // /proc/timer_list and /sys/firmware exist on this kernel (/proc/kcore does not), so their masks show.
        var output = await RunScript(
            "echo timer_list=$(wc -c < /proc/timer_list)",
            "echo firmware=$(ls -A /sys/firmware | wc -l)",
            "echo sysrq > /proc/sysrq-trigger 2>/dev/null && echo sysrq=written || echo sysrq=refused",
            "touch /sys/x 2>/dev/null && echo sys=written || echo sys=refused");

        Assert.Contains("timer_list=0\n", output, StringComparison.Ordinal);
        Assert.Contains("firmware=0\n", output, StringComparison.Ordinal);
        Assert.Contains("sysrq=refused\n", output, StringComparison.Ordinal);
        Assert.Contains("sys=refused\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dev_directory_is_minimal()
    {
        var output = await RunScript("ls /dev | tr '\\n' ' '", "echo", "echo data > /dev/null && echo null=ok", "head -c 4 /dev/zero | wc -c");

        Assert.StartsWith("core fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero \n", output, StringComparison.Ordinal);
        Assert.Contains("null=ok\n4\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_are_dockers_default_set_and_no_new_privileges_is_on()
    {
        var output = await RunScript("grep -E '^(CapBnd|CapEff|NoNewPrivs)' /proc/self/status");

        var expected = Capabilities.Mask(Capabilities.DockerDefault).ToString("x16", CultureInfo.InvariantCulture);
        Assert.Contains($"CapEff:\t{expected}\n", output, StringComparison.Ordinal);
        Assert.Contains($"CapBnd:\t{expected}\n", output, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivs:\t1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_network_namespace_has_only_loopback_and_it_is_up()
    {
        var output = await RunScript("ls /sys/class/net", "cat /sys/class/net/lo/flags");

        Assert.Equal("lo\n0x9\n", output);
    }

    [Fact]
    public async Task User_working_directory_environment_and_rlimits_come_from_the_spec()
    {
        using var bundle = new BusyboxBundle("echo $(id -u):$(id -g) $(pwd) $GREETING $(ulimit -n)");
        bundle.Spec.Process!.User = new Spec.SpecUser { Uid = 1000, Gid = 1000 };
        bundle.Spec.Process.Cwd = "/tmp";
        bundle.Spec.Process.Env!.Add("GREETING=hello");
        bundle.Spec.Process.Rlimits = [new Spec.SpecRlimit { Type = "RLIMIT_NOFILE", Soft = 256, Hard = 512 }];

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "spec-identity");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1000:1000 /tmp hello 256\n", result.Output);
    }

    [Fact]
    public async Task The_exit_code_of_the_process_is_the_exit_code_of_run()
    {
        using var bundle = new BusyboxBundle("exit 42");

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "exit-code");

        Assert.Equal(42, result.ExitCode);
    }

    private async Task<string> RunScript(params string[] script)
    {
        using var bundle = new BusyboxBundle(script);
        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "isolation-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Errors}{result.Output}");
        return result.Output;
    }
}
