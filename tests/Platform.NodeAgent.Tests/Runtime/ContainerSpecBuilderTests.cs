using Platform.Api.Model;
using Platform.NodeAgent.Runtime;
using Platform.Oci.Model;

namespace Platform.NodeAgent.Tests.Runtime;

/// <summary>Docker's rules for turning a pod's container and its image config into what runs.</summary>
public sealed class ContainerSpecBuilderTests : IDisposable
{
    private readonly string rootfs = Directory.CreateTempSubdirectory("spec-rootfs-").FullName;

    private static readonly ContainerConfig Image = new()
    {
        Entrypoint = ["/entry"],
        Cmd = ["serve", "--port", "80"],
        Env = ["PATH=/app/bin:/bin", "MODE=image"],
        WorkingDir = "/app",
    };

    public void Dispose() => Directory.Delete(rootfs, recursive: true);

    [Fact]
    public void Without_command_or_args_the_image_entrypoint_and_cmd_run()
    {
        Assert.Equal(["/entry", "serve", "--port", "80"], ContainerSpecBuilder.Arguments(new Container(), Image));
    }

    [Fact]
    public void Args_replace_the_images_cmd_only()
    {
        Assert.Equal(["/entry", "check"], ContainerSpecBuilder.Arguments(new Container { Args = ["check"] }, Image));
    }

    [Fact]
    public void Command_replaces_the_entrypoint_and_drops_the_images_cmd()
    {
        Assert.Equal(["sh"], ContainerSpecBuilder.Arguments(new Container { Command = ["sh"] }, Image));
        Assert.Equal(["sh", "-c", "x"], ContainerSpecBuilder.Arguments(new Container { Command = ["sh"], Args = ["-c", "x"] }, Image));
    }

    [Fact]
    public void Nothing_to_run_is_a_create_error()
    {
        var error = Assert.Throws<ContainerStartException>(() => ContainerSpecBuilder.Arguments(new Container(), new ContainerConfig()));
        Assert.Equal("CreateContainerError", error.Reason);
    }

    [Fact]
    public void The_pods_environment_overrides_the_images_and_limits_become_the_cgroup()
    {
        var container = new Container
        {
            Name = "web",
            Env = [new EnvVar { Name = "MODE", Value = "pod" }],
            Resources = new ResourceRequirements
            {
                Requests = new() { ["cpu"] = "250m" },
                Limits = new() { ["cpu"] = "500m", ["memory"] = "64Mi" },
            },
        };
        var launch = new ContainerLaunch("uid", "web-1", container, "/tmp/c", "/tmp/c.log");

        var spec = ContainerSpecBuilder.Build(launch, Image, rootfs, "platform/uid-web");

        Assert.Equal(["PATH=/app/bin:/bin", "HOSTNAME=web-1", "MODE=pod"], spec.Process!.Env);
        Assert.Equal("/app", spec.Process.Cwd);
        Assert.Equal("web-1", spec.Hostname);
        Assert.Equal(rootfs, spec.Root!.Path);
        Assert.Equal(64L * 1024 * 1024, spec.Linux!.Resources!.Memory!.Limit);
        Assert.Equal(50_000, spec.Linux.Resources.Cpu!.Quota);
        Assert.Equal(100_000UL, spec.Linux.Resources.Cpu.Period);
        Assert.Equal(256UL, spec.Linux.Resources.Cpu.Shares);
        Assert.Equal(ContainerSpecBuilder.DefaultPidsLimit, spec.Linux.Resources.Pids!.Limit);
        Assert.Equal("platform/uid-web", spec.Linux.CgroupsPath);
    }

    [Fact]
    public void A_user_name_is_looked_up_in_the_images_passwd_and_group()
    {
        Directory.CreateDirectory(Path.Combine(rootfs, "etc"));
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/app:/bin/sh\n");
        File.WriteAllText(Path.Combine(rootfs, "etc", "group"), "root:x:0:\nstaff:x:50:\n");

        Assert.Equal((1000u, 1001u), ImageUser.Resolve("app", rootfs));
        Assert.Equal((1000u, 50u), ImageUser.Resolve("app:staff", rootfs));
        Assert.Equal((1234u, 0u), ImageUser.Resolve("1234", rootfs));
        Assert.Equal((0u, 0u), ImageUser.Resolve(null, rootfs));
        Assert.Equal("CreateContainerConfigError", Assert.Throws<ContainerStartException>(() => ImageUser.Resolve("ghost", rootfs)).Reason);
    }
}
