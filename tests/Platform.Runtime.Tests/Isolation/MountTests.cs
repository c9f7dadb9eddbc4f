using Platform.Runtime.Spec;
using Platform.Runtime.Tests.Infrastructure;

namespace Platform.Runtime.Tests.Isolation;

/// <summary>Bind and tmpfs mounts as volumes use them, and mount destinations that try to leave the rootfs.</summary>
public sealed class MountTests : IDisposable
{
    private readonly RuntimeBinary runtime = new();
    private readonly string hostDirectory = Directory.CreateTempSubdirectory("platform-mount-test-").FullName;

    public void Dispose()
    {
        runtime.Dispose();
        Directory.Delete(hostDirectory, recursive: true);
    }

    [Fact]
    public async Task A_bind_mount_creates_its_missing_parents_and_a_read_only_one_cannot_be_written()
    {
        File.WriteAllText(Path.Combine(hostDirectory, "greeting"), "hello\n");
        using var bundle = new BusyboxBundle(
            "cat /srv/deep/data/greeting",
            "echo new > /srv/deep/data/new 2>/dev/null && echo rw-write=ok || echo rw-write=refused",
            "echo new > /srv/ro/new 2>/dev/null && echo ro-write=ok || echo ro-write=refused",
            "grep ' /srv/ro ' /proc/self/mounts | cut -d' ' -f4 | cut -d, -f1");
        bundle.Spec.Mounts!.Add(new SpecMount { Destination = "/srv/deep/data", Type = "bind", Source = hostDirectory, Options = ["rbind", "rprivate"] });
        bundle.Spec.Mounts.Add(new SpecMount { Destination = "/srv/ro", Type = "bind", Source = hostDirectory, Options = ["rbind", "rprivate", "ro"] });

        var output = await Run(bundle);

        Assert.Equal("hello\nrw-write=ok\nro-write=refused\nro\n", output);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(hostDirectory, "new")));
    }

    [Fact]
    public async Task A_file_is_bind_mounted_onto_a_file()
    {
        var file = Path.Combine(hostDirectory, "app.conf");
        File.WriteAllText(file, "setting=1\n");
        using var bundle = new BusyboxBundle("cat /etc/app/app.conf");
        bundle.Spec.Mounts!.Add(new SpecMount { Destination = "/etc/app/app.conf", Type = "bind", Source = file, Options = ["rbind", "ro"] });

        Assert.Equal("setting=1\n", await Run(bundle));
    }

    [Fact]
    public async Task A_tmpfs_mount_has_its_size()
    {
        using var bundle = new BusyboxBundle("grep ' /scratch ' /proc/self/mounts | cut -d' ' -f1,3", "df -k /scratch | tail -1 | awk '{print $2}'");
        bundle.Spec.Mounts!.Add(new SpecMount { Destination = "/scratch", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "nodev", "size=8m"] });

        Assert.Equal("tmpfs tmpfs\n8192\n", await Run(bundle));
    }

    [Fact]
    public async Task A_symlink_inside_an_earlier_mount_cannot_redirect_a_later_mount_onto_the_host()
    {
        // The first mount is a volume an earlier container filled with a symlink to a host directory; the
        // image itself has no symlink, so only a check made while mounting can see it.
        var volume = Directory.CreateDirectory(Path.Combine(hostDirectory, "volume")).FullName;
        var victim = Directory.CreateDirectory(Path.Combine(hostDirectory, "victim")).FullName;
        File.CreateSymbolicLink(Path.Combine(volume, "sub"), victim);
        using var bundle = new BusyboxBundle("ls /data");
        bundle.Spec.Mounts!.Add(new SpecMount { Destination = "/data", Type = "bind", Source = volume, Options = ["rbind"] });
        bundle.Spec.Mounts.Add(new SpecMount { Destination = "/data/sub/inner", Type = "tmpfs", Source = "tmpfs", Options = ["size=1m"] });

        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "escape-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("platform-runtime: container init failed while creating a mount point: Too many levels of symbolic links\n", result.Errors);
        Assert.Empty(Directory.GetFileSystemEntries(victim));
    }

    private async Task<string> Run(BusyboxBundle bundle)
    {
        var result = await runtime.RunAsync("run", "--bundle", bundle.Save().Directory, "mount-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Errors}{result.Output}");
        return result.Output;
    }
}
