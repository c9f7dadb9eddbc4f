using Platform.Api.Model;
using Platform.NodeAgent.Networking;
using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Tests.Networking;

public sealed class SandboxSpecTests
{
    private static readonly PodSandbox Sandbox = new("uid", "default", "web", "10.88.0.2", "/n/netns/uid", "pvuid", "/n/pods/uid/hosts", "/n/pods/uid/resolv.conf", []);

    [Fact]
    public void A_container_joins_its_pods_network_namespace_and_sees_its_name_files()
    {
        var spec = DefaultSpec.Create(["true"]);

        SandboxSpec.Apply(spec, Sandbox);

        var network = spec.Linux!.Namespaces!.Single(n => n.Type == "network");
        Assert.Equal("/n/netns/uid", network.Path);
        Assert.Contains(spec.Mounts!, m => m is { Destination: "/etc/hosts", Source: "/n/pods/uid/hosts" });
        Assert.Contains(spec.Mounts!, m => m is { Destination: "/etc/resolv.conf", Source: "/n/pods/uid/resolv.conf" });
    }

    [Fact]
    public void On_the_host_network_a_container_gets_no_network_namespace()
    {
        var spec = DefaultSpec.Create(["true"]);
        var mounts = spec.Mounts!.Count;

        SandboxSpec.Apply(spec, Sandbox with { NetnsPath = null });

        Assert.DoesNotContain(spec.Linux!.Namespaces!, n => n.Type == "network");
        Assert.Equal(mounts, spec.Mounts!.Count);
    }

    [Fact]
    public void Without_a_sandbox_the_spec_is_left_alone()
    {
        var spec = DefaultSpec.Create(["true"]);

        SandboxSpec.Apply(spec, null);

        Assert.Null(spec.Linux!.Namespaces!.Single(n => n.Type == "network").Path);
    }

    [Fact]
    public void Published_ports_default_to_loopback_and_skip_ports_without_a_host_port()
    {
        var spec = new PodSpec
        {
            Containers =
            [
                new Container { Ports = [new ContainerPort { Number = 80, HostPort = 8080 }, new ContainerPort { Number = 81 }] },
                new Container { Ports = [new ContainerPort { Number = 90, HostPort = 9090, HostIP = "0.0.0.0" }] },
            ],
        };

        Assert.Equal(
            [new PublishedPort("127.0.0.1", 8080, 80), new PublishedPort("0.0.0.0", 9090, 90)],
            PublishedPort.Of(spec));
    }
}
