using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Lifecycle;

/// <summary>A bundle asking for the impossible fails with one clear line and leaves nothing behind.</summary>
public sealed class BadBundleTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();

    public void Dispose() => runtime.Dispose();

    [Fact]
    public async Task A_missing_root_filesystem_is_refused()
    {
        using var bundle = new BusyboxBundle("true");
        bundle.Spec.Root!.Path = "no-such-rootfs";

        await AssertRefused(bundle, "platform-runtime: root.path no-such-rootfs is not a directory in the bundle\n");
    }

    [Fact]
    public async Task An_unknown_namespace_is_refused()
    {
        using var bundle = new BusyboxBundle("true");
        bundle.Spec.Linux!.Namespaces!.Add(new Spec.SpecNamespace { Type = "time-travel" });

        await AssertRefused(bundle, "platform-runtime: unknown namespace type \"time-travel\"\n");
    }

    [Fact]
    public async Task A_program_that_is_not_in_the_rootfs_fails_at_exec_and_cleans_up()
    {
        using var bundle = new BusyboxBundle();
        bundle.Spec.Process!.Args = ["no-such-program"];

        await AssertRefused(bundle, "platform-runtime: exec failed: No such file or directory\n");
    }

    [Fact]
    public async Task A_mount_through_a_symlink_in_the_rootfs_is_refused()
    {
        using var bundle = new BusyboxBundle("true");
        Directory.Delete(Path.Combine(bundle.Rootfs, "proc"));
        File.CreateSymbolicLink(Path.Combine(bundle.Rootfs, "proc"), "/etc");

        await AssertRefused(bundle, $"platform-runtime: /proc passes through a symlink in the root filesystem ({bundle.Rootfs}/proc)\n");
    }

    private async Task AssertRefused(BusyboxBundle bundle, string message)
    {
        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "refused");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, result.Errors);
        Assert.False(Directory.Exists(Path.Combine(runtime.StateRoot, "refused")), "state was left behind");
        Assert.False(CgroupProbe.Exists(bundle.Spec.Linux!.CgroupsPath!), "a cgroup was left behind");
    }
}
