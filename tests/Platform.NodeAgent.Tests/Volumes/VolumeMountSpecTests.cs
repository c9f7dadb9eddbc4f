using Platform.Api.Model;
using Platform.NodeAgent.Runtime;
using Platform.NodeAgent.Volumes;
using Platform.Oci.Model;

namespace Platform.NodeAgent.Tests.Volumes;

/// <summary>volumeMounts as OCI mounts: binds, read-only, order, subPath, replacing a default mount.</summary>
public sealed class VolumeMountSpecTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("volume-mounts-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Mounts_are_recursive_private_binds_read_only_when_the_mount_or_the_volume_says_so_parents_first()
    {
        var volumes = new Dictionary<string, PreparedVolume>
        {
            ["data"] = new("/host/data", ReadOnly: false),
            ["claim"] = new("/host/claim", ReadOnly: true),
        };

        var mounts = VolumeMountSpec.Build(
            [
                new VolumeMount { Name = "data", MountPath = "/srv/data/inner", ReadOnly = true },
                new VolumeMount { Name = "claim", MountPath = "/srv/claim/" },
                new VolumeMount { Name = "data", MountPath = "/srv" },
            ],
            volumes);

        Assert.Equal(["/srv", "/srv/claim", "/srv/data/inner"], mounts.Select(m => m.Destination));
        Assert.Equal(["/host/data", "/host/claim", "/host/data"], mounts.Select(m => m.Source));
        Assert.All(mounts, m => Assert.Equal("bind", m.Type));
        Assert.Equal(["rbind", "rprivate"], mounts[0].Options!);
        Assert.Equal(["rbind", "rprivate", "ro"], mounts[1].Options!);
        Assert.Equal(["rbind", "rprivate", "ro"], mounts[2].Options!);
    }

    [Fact]
    public void A_subPath_is_created_inside_the_volume()
    {
        var mount = Assert.Single(VolumeMountSpec.Build(
            [new VolumeMount { Name = "data", MountPath = "/var/lib/db", SubPath = "pg/data" }],
            new Dictionary<string, PreparedVolume> { ["data"] = new(root, false) }));

        Assert.Equal(Path.Combine(root, "pg", "data"), mount.Source);
        Assert.True(Directory.Exists(mount.Source));
    }

    [Fact]
    public void A_subPath_through_a_symlink_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), "/etc");

        var error = Assert.Throws<ContainerStartException>(() => VolumeMountSpec.Build(
            [new VolumeMount { Name = "data", MountPath = "/x", SubPath = "escape/ssl" }],
            new Dictionary<string, PreparedVolume> { ["data"] = new(root, false) }));

        Assert.Equal("CreateContainerConfigError", error.Reason);
        Assert.Equal("MountVolume.SetUp failed for volume \"data\": subPath \"escape/ssl\" passes through a symlink (escape)", error.Message);
    }

    [Fact]
    public void A_volume_at_dev_shm_replaces_the_default_mount_and_comes_after_the_others()
    {
        var launch = new ContainerLaunch("uid", "web-1", new Container { Name = "web", Command = ["sh"] }, "/tmp/c", "/tmp/c.log");
        var volumeMounts = VolumeMountSpec.Build(
            [new VolumeMount { Name = "shm", MountPath = "/dev/shm" }],
            new Dictionary<string, PreparedVolume> { ["shm"] = new("/host/shm", false) });

        var spec = ContainerSpecBuilder.Build(launch, new ContainerConfig(), root, "platform/uid-web", volumeMounts);

        var shm = Assert.Single(spec.Mounts!, m => m.Destination == "/dev/shm");
        Assert.Equal("/host/shm", shm.Source);
        Assert.Equal("/dev/shm", spec.Mounts![^1].Destination);
        Assert.Contains(spec.Mounts, m => m.Destination == "/dev/mqueue");
    }
}
