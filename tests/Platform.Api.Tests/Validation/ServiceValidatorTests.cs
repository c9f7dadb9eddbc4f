using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class ServiceValidatorTests
{
    private static Service Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new ServiceSpec
        {
            Selector = new() { ["app"] = "web" },
            Ports = [new ServicePort { Name = "http", Port = 80, TargetPort = IntOrString.FromString("http") }],
        },
    };

    private static List<string> Fields(Service service) => ServiceValidator.ValidateCreate(service).Select(e => e.Field).ToList();

    [Fact]
    public void AValidServiceWithDefaultsHasNoErrors()
    {
        var service = Valid();
        service.Spec.Ports![0].TargetPort = null;
        ServiceDefaults.Apply(service, "default");

        Assert.Empty(ServiceValidator.ValidateCreate(service));
        Assert.Equal(("ClusterIP", "TCP", 80), (service.Spec.Type, service.Spec.Ports[0].Protocol, service.Spec.Ports[0].TargetPort!.IntValue));
    }

    [Fact]
    public void AHeadlessServiceNeedsNoPorts()
    {
        var service = Valid();
        service.Spec.ClusterIP = "None";
        service.Spec.Ports = null;

        Assert.Empty(ServiceValidator.ValidateCreate(service));
    }

    [Fact]
    public void AServiceNameMustStartWithALetter()
    {
        var service = Valid();
        service.Metadata.Name = "1web";

        var error = Assert.Single(ServiceValidator.ValidateCreate(service));
        Assert.Equal("metadata.name", error.Field);
        Assert.Contains("DNS-1035", error.Detail);
    }

    [Fact]
    public void PortsAreRequiredNamedWhenSeveralUniqueAndInRange()
    {
        var service = Valid();
        service.Spec.Ports = null;
        Assert.Equal(["spec.ports"], Fields(service));

        service.Spec.Ports =
        [
            new ServicePort { Name = "a", Port = 80 },
            new ServicePort { Port = 81 },
            new ServicePort { Name = "a", Port = 70000 },
            new ServicePort { Name = "c", Port = 80 },
        ];
        Assert.Equal(["spec.ports[1].name", "spec.ports[2].name", "spec.ports[2].port", "spec.ports[3]"], Fields(service));
    }

    [Theory]
    [InlineData("UDP", "spec.ports[0].protocol")]
    [InlineData("TCP", null)]
    public void OnlyTcpPortsAreServed(string protocol, string? field)
    {
        var service = Valid();
        service.Spec.Ports![0].Protocol = protocol;

        Assert.Equal(field is null ? [] : [field], Fields(service));
    }

    [Theory]
    [InlineData(0, "must be between 1 and 65535, inclusive")]
    [InlineData(65536, "must be between 1 and 65535, inclusive")]
    public void ANumericTargetPortMustBeAPort(int port, string detail)
    {
        var service = Valid();
        service.Spec.Ports![0].TargetPort = IntOrString.FromInt(port);

        var error = Assert.Single(ServiceValidator.ValidateCreate(service));
        Assert.Equal("spec.ports[0].targetPort", error.Field);
        Assert.Contains(detail, error.Detail);
    }

    [Fact]
    public void ANamedTargetPortMustBeAPortName() =>
        Assert.Equal(["spec.ports[0].targetPort"], Fields(WithTargetPort("Not_A_Name")));

    [Theory]
    [InlineData("NodePort", "spec.type")]
    [InlineData("LoadBalancer", "spec.type")]
    public void OnlyClusterIpServicesAreServed(string type, string field)
    {
        var service = Valid();
        service.Spec.Type = type;

        Assert.Equal([field], Fields(service));
    }

    [Theory]
    [InlineData("10.96.0.10", true)]
    [InlineData("None", true)]
    [InlineData("not-an-ip", false)]
    [InlineData("fd00::1", false)]
    public void AClusterIpIsAnIpv4AddressOrNone(string clusterIp, bool valid)
    {
        var service = Valid();
        service.Spec.ClusterIP = clusterIp;

        Assert.Equal(valid ? [] : ["spec.clusterIP"], Fields(service));
    }

    [Fact]
    public void TheClusterIpCannotChangeButMayBeLeftOut()
    {
        var existing = Valid();
        existing.Spec.ClusterIP = "10.96.0.10";
        var moved = Valid();
        moved.Spec.ClusterIP = "10.96.0.11";
        var omitted = Valid();

        var error = Assert.Single(ServiceValidator.ValidateUpdate(moved, existing));
        Assert.Equal(("spec.clusterIP", "Invalid value: \"10.96.0.11\": field is immutable"), (error.Field, error.Detail));
        Assert.Empty(ServiceValidator.ValidateUpdate(omitted, existing));
    }

    [Fact]
    public void SelectorLabelsAreChecked()
    {
        var service = Valid();
        service.Spec.Selector = new() { ["app"] = "not a value" };

        Assert.Equal(["spec.selector"], Fields(service).Select(f => f.Split('[')[0]).Distinct().ToList());
    }

    private static Service WithTargetPort(string name)
    {
        var service = Valid();
        service.Spec.Ports![0].TargetPort = IntOrString.FromString(name);
        return service;
    }
}
