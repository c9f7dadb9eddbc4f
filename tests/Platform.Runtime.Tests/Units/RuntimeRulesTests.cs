using Platform.Cgroups.V2;
using Platform.Runtime.Init;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Tests.Units;

public sealed class RuntimeRulesTests
{
    [Fact]
    public void Mount_options_become_flags_and_data()
    {
        var (flags, data) = MountOptions.Parse(["nosuid", "noexec", "ro", "mode=755", "size=65536k"]);

        Assert.Equal(Native.MsNosuid | Native.MsNoexec | Native.MsRdonly, flags);
        Assert.Equal("mode=755,size=65536k", data);
    }

    [Fact]
    public void A_later_option_overrides_an_earlier_one()
    {
        Assert.Equal(Native.MsBind | Native.MsRec, MountOptions.Parse(["ro", "rbind", "rw"]).Flags);
    }

    [Fact]
    public void Dockers_default_capabilities_form_the_mask_docker_shows()
    {
        Assert.Equal(0x00000000a80425fbUL, Capabilities.Mask(Capabilities.DockerDefault));
    }

    [Fact]
    public void An_unknown_capability_is_an_error()
    {
        Assert.Equal("unknown capability \"CAP_FLY\"", Assert.Throws<RuntimeException>(() => Capabilities.Mask(["CAP_FLY"])).Message);
    }

    [Fact]
    public void A_program_without_a_slash_is_looked_up_along_the_containers_path()
    {
        Assert.Equal(["/opt/bin/sh", "/bin/sh"], PlanBuilder.ExecCandidates("sh", ["HOME=/", "PATH=/opt/bin:/bin/"]));
        Assert.Equal(["./run.sh"], PlanBuilder.ExecCandidates("./run.sh", []));
        Assert.Equal(6, PlanBuilder.ExecCandidates("sh", []).Count);
    }

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGKILL", 9)]
    [InlineData("sigint", 2)]
    [InlineData("10", 10)]
    public void Signals_are_named_or_numbered(string signal, int number) => Assert.Equal(number, ContainerKill.ParseSignal(signal));

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("SIGFOO")]
    public void Unknown_signals_are_errors(string signal) => Assert.Throws<RuntimeException>(() => ContainerKill.ParseSignal(signal));

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a.b_c-1", true)]
    [InlineData("../escape", false)]
    [InlineData("-flag", false)]
    [InlineData("", false)]
    public void Container_ids_cannot_name_paths(string id, bool valid)
    {
        if (valid)
        {
            Assert.Equal(id, StateStore.CheckId(id));
        }
        else
        {
            Assert.Throws<RuntimeException>(() => StateStore.CheckId(id));
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1024, 39)]
    [InlineData(262144, 10000)]
    public void Cpu_shares_map_onto_cgroup_v2_weights_as_runc_does(long shares, long weight) =>
        Assert.Equal(weight, CgroupV2.SharesToWeight(shares));

    [Fact]
    public void Wait_statuses_become_shell_exit_codes()
    {
        Assert.Equal(3, Native.ExitCodeOf(3 << 8));
        Assert.Equal(137, Native.ExitCodeOf(9));
    }
}
