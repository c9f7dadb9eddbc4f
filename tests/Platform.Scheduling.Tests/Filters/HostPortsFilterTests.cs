using Platform.Api.Model;
using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class HostPortsFilterTests
{
    private readonly HostPortsFilter filter = new();

    private static HostPortClaim Port(string ip, string protocol, int port) => new(ip, protocol, port);

    private static PodRequest Wanting(params HostPortClaim[] ports) => Pod() with { HostPorts = ports };

    private static NodeCandidate Holding(params HostPortClaim[] ports) =>
        Node("node-a", podCount: 1) with { Pods = [new PlacedPod("default", null) { HostPorts = ports }] };

    [Fact]
    public void ANodeWhereAnotherPodHoldsThePortIsRejected() =>
        Assert.Equal(
            "node(s) didn't have free ports for the requested pod ports",
            filter.Reject(Wanting(Port("127.0.0.1", "TCP", 8080)), Holding(Port("127.0.0.1", "TCP", 8080))));

    [Fact]
    public void AWildcardAddressTakesThePortOnEveryAddress()
    {
        Assert.NotNull(filter.Reject(Wanting(Port("10.0.0.5", "TCP", 8080)), Holding(Port("0.0.0.0", "TCP", 8080))));
        Assert.NotNull(filter.Reject(Wanting(Port("0.0.0.0", "TCP", 8080)), Holding(Port("10.0.0.5", "TCP", 8080))));
    }

    [Fact]
    public void AnotherAddressProtocolOrPortLeavesTheNodeFeasible()
    {
        var node = Holding(Port("127.0.0.1", "TCP", 8080));
        Assert.Null(filter.Reject(Wanting(Port("10.0.0.5", "TCP", 8080)), node));
        Assert.Null(filter.Reject(Wanting(Port("127.0.0.1", "UDP", 8080)), node));
        Assert.Null(filter.Reject(Wanting(Port("127.0.0.1", "TCP", 8081)), node));
    }

    [Fact]
    public void APodWithoutHostPortsFitsAnywhere() =>
        Assert.Null(filter.Reject(Pod(), Holding(Port("0.0.0.0", "TCP", 8080))));

    [Fact]
    public void OneTakenPortAmongSeveralIsEnough() =>
        Assert.NotNull(filter.Reject(
            Wanting(Port("127.0.0.1", "TCP", 9000), Port("127.0.0.1", "TCP", 8080)),
            Holding(Port("127.0.0.1", "TCP", 8080))));

    [Fact]
    public void ThePipelinePlacesThePodWhereItsPortIsFree()
    {
        var decision = Placement.Default.Place(Wanting(Port("127.0.0.1", "TCP", 8080)), [Holding(Port("127.0.0.1", "TCP", 8080)), Node("node-b")]);
        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void APodWhosePortIsTakenEverywhereIsExplainedPerNode()
    {
        var decision = Placement.Default.Place(Wanting(Port("127.0.0.1", "TCP", 8080)), [Holding(Port("127.0.0.1", "TCP", 8080))]);
        Assert.Equal(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. node-a: node(s) didn't have free ports for the requested pod ports.",
            decision.Explain(1));
    }
}
