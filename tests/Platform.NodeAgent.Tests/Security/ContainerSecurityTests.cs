using Platform.Api.Model;
using Platform.NodeAgent.Runtime;
using Platform.Oci.Model;

namespace Platform.NodeAgent.Tests.Security;

/// <summary>securityContext in the OCI spec, as the kubelet and containerd apply it.</summary>
public sealed class ContainerSecurityTests : IDisposable
{
    private static readonly string[] DockerDefault =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID",
        "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    private readonly string rootfs = Directory.CreateTempSubdirectory("security-rootfs-").FullName;

    public ContainerSecurityTests()
    {
        Directory.CreateDirectory(Path.Combine(rootfs, "etc"));
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/app:/bin/sh\n");
    }

    public void Dispose() => Directory.Delete(rootfs, recursive: true);

    private Platform.Runtime.Spec.RuntimeSpec Build(SecurityContext? container, PodSecurityContext? pod = null, string? imageUser = null)
    {
        var launch = new ContainerLaunch("uid", "web-1", new Container { Name = "web", Command = ["sh"], SecurityContext = container }, "/tmp/c", "/tmp/c.log")
        {
            PodSpec = new PodSpec { SecurityContext = pod },
        };
        return ContainerSpecBuilder.Build(launch, new ContainerConfig { User = imageUser }, rootfs, "platform/uid-web");
    }

    [Fact]
    public void Without_a_security_context_the_image_user_runs_with_dockers_defaults()
    {
        var spec = Build(null, imageUser: "app");

        Assert.Equal(1000u, spec.Process!.User!.Uid);
        Assert.Equal(1001u, spec.Process.User.Gid);
        Assert.False(spec.Process.NoNewPrivileges);
        Assert.False(spec.Root!.Readonly);
        Assert.Equal(DockerDefault, spec.Process.Capabilities!.Bounding);
        Assert.Equal(DockerDefault, spec.Process.Capabilities.Effective);
        Assert.Equal(DockerDefault, spec.Process.Capabilities.Permitted);
    }

    [Fact]
    public void RunAsUser_replaces_the_image_user_and_takes_its_group_from_the_images_passwd()
    {
        Assert.Equal((1000u, 1001u), UserOf(Build(new SecurityContext { RunAsUser = 1000 }, imageUser: "root")));
        Assert.Equal((4242u, 0u), UserOf(Build(new SecurityContext { RunAsUser = 4242 })));
        Assert.Equal((1000u, 7u), UserOf(Build(new SecurityContext { RunAsUser = 1000, RunAsGroup = 7 })));
    }

    [Fact]
    public void The_containers_settings_win_over_the_pods()
    {
        var pod = new PodSecurityContext { RunAsUser = 2000, RunAsGroup = 3000, SupplementalGroups = [10, 20] };

        var spec = Build(new SecurityContext { RunAsUser = 1000 }, pod);

        Assert.Equal((1000u, 3000u), UserOf(spec));
        Assert.Equal([10u, 20u], spec.Process!.User!.AdditionalGids!);
        Assert.Equal((2000u, 3000u), UserOf(Build(null, pod)));
    }

    [Fact]
    public void RunAsNonRoot_refuses_a_root_image_user_and_a_root_runAsUser()
    {
        var fromImage = Assert.Throws<ContainerStartException>(() => Build(new SecurityContext { RunAsNonRoot = true }));
        var fromPod = Assert.Throws<ContainerStartException>(() => Build(new SecurityContext { RunAsUser = 0 }, new PodSecurityContext { RunAsNonRoot = true }));

        Assert.Equal("CreateContainerConfigError", fromImage.Reason);
        Assert.Equal("container has runAsNonRoot and image will run as root (pod: \"web-1\", container: web)", fromImage.Message);
        Assert.Equal("container's runAsUser breaks non-root policy (pod: \"web-1\", container: web)", fromPod.Message);
        Assert.Equal(1000u, Build(new SecurityContext { RunAsNonRoot = true }, imageUser: "app").Process!.User!.Uid);
    }

    [Fact]
    public void A_read_only_root_and_no_privilege_escalation_reach_the_spec()
    {
        var spec = Build(new SecurityContext { ReadOnlyRootFilesystem = true, AllowPrivilegeEscalation = false });

        Assert.True(spec.Root!.Readonly);
        Assert.True(spec.Process!.NoNewPrivileges);
        Assert.False(Build(new SecurityContext { AllowPrivilegeEscalation = true }).Process!.NoNewPrivileges);
    }

    [Fact]
    public void Capabilities_are_dropped_then_added_with_or_without_the_prefix()
    {
        Assert.Equal(["CAP_NET_BIND_SERVICE"], Capabilities(new() { Drop = ["ALL"], Add = ["NET_BIND_SERVICE"] }));
        Assert.Equal(DockerDefault.Where(c => c is not "CAP_KILL" and not "CAP_CHOWN"), Capabilities(new() { Drop = ["KILL", "CAP_CHOWN"] }));
        Assert.Equal([.. DockerDefault, "CAP_NET_ADMIN", "CAP_SYS_TIME"], Capabilities(new() { Add = ["NET_ADMIN", "CAP_SYS_TIME", "KILL"] }));
        Assert.Equal(41, Capabilities(new() { Add = ["ALL"] }).Count);
        Assert.Empty(Capabilities(new() { Drop = ["ALL"] }));
    }

    private List<string> Capabilities(Capabilities capabilities) =>
        Build(new SecurityContext { Capabilities = capabilities }).Process!.Capabilities!.Bounding!;

    private static (uint, uint) UserOf(Platform.Runtime.Spec.RuntimeSpec spec) => (spec.Process!.User!.Uid, spec.Process.User.Gid);
}
