using Platform.Api.Model;
using Platform.Grains.Services;

namespace Platform.Grains.Tests.Services;

public class EndpointsBuilderTests
{
    private static Service Service(IntOrString? targetPort = null) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new ServiceSpec
        {
            Selector = new() { ["app"] = "web" },
            Ports = [new ServicePort { Name = "http", Port = 80, TargetPort = targetPort ?? IntOrString.FromString("http"), Protocol = "TCP" }],
        },
    };

    private static Pod Pod(string name, string ip, bool ready, string app = "web", int port = 8080, string phase = PodPhases.Running) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = $"uid-{name}", Labels = new() { ["app"] = app } },
        Spec = new PodSpec
        {
            NodeName = "node-a",
            Containers = [new Container { Name = "c", Ports = [new ContainerPort { Name = "http", Number = port }] }],
        },
        Status = new PodStatus
        {
            Phase = phase,
            PodIP = ip,
            Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    [Fact]
    public void ReadyPodsAreAddressesAndTheRestNotReadyAddressesOnTheNamedPort()
    {
        var endpoints = EndpointsBuilder.Build(Service(), [Pod("b", "10.0.0.3", ready: true), Pod("a", "10.0.0.2", ready: true), Pod("c", "10.0.0.4", ready: false)]);

        var subset = Assert.Single(endpoints.Subsets!);
        Assert.Equal(["10.0.0.2", "10.0.0.3"], subset.Addresses!.Select(a => a.Ip));
        var notReady = Assert.Single(subset.NotReadyAddresses!);
        Assert.Equal(("c", "Pod", "uid-c", "node-a"), (notReady.TargetRef!.Name, notReady.TargetRef!.Kind, notReady.TargetRef!.Uid, notReady.NodeName));
        Assert.Equal(("http", 8080, "TCP"), (subset.Ports!.Single().Name, subset.Ports![0].Port, subset.Ports![0].Protocol));
        Assert.Equal(("web", "default"), (endpoints.Metadata.Name, endpoints.Metadata.Namespace));
    }

    [Fact]
    public void PodsOutsideTheSelectorWithoutAnAddressEndedOrTerminatingAreLeftOut()
    {
        var terminating = Pod("t", "10.0.0.6", ready: true);
        terminating.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        var pods = new[]
        {
            Pod("other", "10.0.0.2", ready: true, app: "db"),
            Pod("pending", "", ready: false, phase: PodPhases.Pending),
            Pod("done", "10.0.0.4", ready: false, phase: PodPhases.Succeeded),
            Pod("failed", "10.0.0.5", ready: false, phase: PodPhases.Failed),
            terminating,
        };

        Assert.Empty(EndpointsBuilder.Build(Service(), pods).Subsets!);
    }

    [Fact]
    public void PodsServingANamedPortOnDifferentNumbersGetSubsetsOfTheirOwn()
    {
        var endpoints = EndpointsBuilder.Build(Service(), [Pod("a", "10.0.0.2", ready: true, port: 8080), Pod("b", "10.0.0.3", ready: true, port: 9090)]);

        Assert.Equal([(8080, "10.0.0.2"), (9090, "10.0.0.3")], endpoints.Subsets!.Select(s => (s.Ports!.Single().Port, s.Addresses!.Single().Ip!)).Order());
    }

    [Fact]
    public void ANumericTargetPortIsUsedAsItIsAndAMissingNameLeavesThePodOut()
    {
        var numeric = EndpointsBuilder.Build(Service(IntOrString.FromInt(9000)), [Pod("a", "10.0.0.2", ready: true)]);
        var missing = EndpointsBuilder.Build(Service(IntOrString.FromString("metrics")), [Pod("a", "10.0.0.2", ready: true)]);

        Assert.Equal(9000, numeric.Subsets!.Single().Ports!.Single().Port);
        Assert.Empty(missing.Subsets!);
    }

    [Fact]
    public void AServiceWithoutASelectorGetsNoAddresses()
    {
        var service = Service();
        service.Spec.Selector = null;

        Assert.Empty(EndpointsBuilder.Build(service, [Pod("a", "10.0.0.2", ready: true)]).Subsets!);
    }

    [Fact]
    public void AHeadlessServiceWithoutPortsListsItsPodsWithNoPorts()
    {
        var service = Service();
        service.Spec.ClusterIP = "None";
        service.Spec.Ports = null;

        var subset = Assert.Single(EndpointsBuilder.Build(service, [Pod("a", "10.0.0.2", ready: true), Pod("b", "10.0.0.3", ready: false)]).Subsets!);

        Assert.Equal(["10.0.0.2"], subset.Addresses!.Select(a => a.Ip));
        Assert.Equal(["10.0.0.3"], subset.NotReadyAddresses!.Select(a => a.Ip));
        Assert.Empty(subset.Ports!);
    }
}
