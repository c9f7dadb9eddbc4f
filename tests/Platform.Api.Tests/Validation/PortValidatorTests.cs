using Platform.Api.Model;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

/// <summary>containers[].ports[] as Kubernetes validates it, with field paths; host ports are TCP only here.</summary>
public class PortValidatorTests
{
    [Fact]
    public void APublishedPortIsValid()
    {
        var pod = WithPorts(new ContainerPort { Name = "http", Number = 8080, HostPort = 18080, HostIP = "127.0.0.1", Protocol = "TCP" });

        Assert.Empty(PodValidator.ValidateCreate(pod));
    }

    [Fact]
    public void EachBadFieldIsNamedByItsPath()
    {
        var pod = WithPorts(
            new ContainerPort { Name = "HTTP", Number = 0, HostPort = 70000, HostIP = "localhost", Protocol = "ICMP" },
            new ContainerPort { Name = "udp-dns", Number = 53, HostPort = 5353, Protocol = "UDP" });

        Assert.Equal(
            [
                "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain only lower-case alphanumeric characters or '-', start and end with an alphanumeric character, and not contain '--'",
                "spec.containers[0].ports[0].containerPort: Invalid value: \"0\": must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[0].hostPort: Invalid value: \"70000\": must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\"",
                "spec.containers[0].ports[0].hostIP: Invalid value: \"localhost\": must be a valid IP address",
                "spec.containers[0].ports[1].protocol: Unsupported value: \"UDP\": supported values: \"TCP\"",
            ],
            PodValidator.ValidateCreate(pod).Select(e => e.ToString()));
    }

    [Fact]
    public void TwoContainersMayNotPublishTheSameHostPort()
    {
        var pod = WithPorts(new ContainerPort { Number = 80, HostPort = 8080 });
        pod.Spec.Containers[1].Ports = [new ContainerPort { Number = 81, HostPort = 8080 }];

        Assert.Equal(
            ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP/8080\""],
            PodValidator.ValidateCreate(pod).Select(e => e.ToString()));
    }

    [Fact]
    public void PortNamesAreUniqueWithinAContainer()
    {
        var pod = WithPorts(new ContainerPort { Name = "web", Number = 80 }, new ContainerPort { Name = "web", Number = 81 });

        Assert.Equal(
            ["spec.containers[0].ports[1].name: Duplicate value: \"web\""],
            PodValidator.ValidateCreate(pod).Select(e => e.ToString()));
    }

    [Fact]
    public void OnTheHostNetworkAHostPortMustEqualTheContainerPort()
    {
        var pod = WithPorts(new ContainerPort { Number = 80, HostPort = 8080 });
        pod.Spec.HostNetwork = true;

        Assert.Equal(
            ["spec.containers[0].ports[0].hostPort: Invalid value: \"8080\": must match `containerPort` when `hostNetwork` is true"],
            PodValidator.ValidateCreate(pod).Select(e => e.ToString()));
    }

    [Fact]
    public void PortsReadFromYamlKeepKubernetesFieldNames()
    {
        var document = Platform.Api.Serialization.ManifestReader.ReadDocuments("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              hostNetwork: false
              containers:
                - name: web
                  image: busybox
                  ports: [{name: http, containerPort: 8080, hostPort: 18080, hostIP: 127.0.0.1, protocol: TCP}]
            """).Single();
        var pod = Platform.Api.Serialization.ManifestReader.Deserialize<Pod>(document);

        var port = pod.Spec.Containers[0].Ports!.Single();
        Assert.Equal((8080, 18080, "127.0.0.1"), (port.Number, port.HostPort!.Value, port.HostIP));
    }

    private static Pod WithPorts(params ContainerPort[] ports)
    {
        var pod = Pods.Valid();
        pod.Spec.Containers[0].Ports = [.. ports];
        return pod;
    }
}
