using Platform.Api.Model;

namespace Platform.Api.Tests.Model;

public sealed class HostPortClaimTests
{
    private static PodSpec Spec(bool hostNetwork, params ContainerPort[] ports) =>
        new() { HostNetwork = hostNetwork, Containers = [new Container { Name = "c", Image = "busybox", Ports = [.. ports] }] };

    [Fact]
    public void APortWithoutHostIPIsClaimedOnLoopbackWhereTheAgentPublishesIt()
    {
        var claims = HostPortClaim.Of(Spec(false, new ContainerPort { Number = 80, HostPort = 8081 }, new ContainerPort { Number = 81 }));
        Assert.Equal([new HostPortClaim("127.0.0.1", "TCP", 8081)], claims);
    }

    [Fact]
    public void AHostNetworkPodClaimsItsContainerPortsOnEveryAddress()
    {
        var claims = HostPortClaim.Of(Spec(true, new ContainerPort { Number = 9000, Protocol = "UDP" }, new ContainerPort { Number = 9001, HostIP = "10.0.0.5" }));
        Assert.Equal([new HostPortClaim("0.0.0.0", "UDP", 9000), new HostPortClaim("10.0.0.5", "TCP", 9001)], claims);
    }

    [Theory]
    [InlineData("127.0.0.1", "TCP", 80, true)]
    [InlineData("0.0.0.0", "TCP", 80, true)]
    [InlineData("::", "TCP", 80, true)]
    [InlineData("10.0.0.5", "TCP", 80, false)]
    [InlineData("127.0.0.1", "UDP", 80, false)]
    [InlineData("127.0.0.1", "TCP", 81, false)]
    public void TwoClaimsConflictOnTheSamePortAndProtocolWhenTheirAddressesOverlap(string ip, string protocol, int port, bool conflicts)
    {
        var held = new HostPortClaim("127.0.0.1", "TCP", 80);
        Assert.Equal(conflicts, new HostPortClaim(ip, protocol, port).ConflictsWith(held));
        Assert.Equal(conflicts, held.ConflictsWith(new HostPortClaim(ip, protocol, port)));
    }

    [Fact]
    public void EveryAddressOverlapsAnyOther() =>
        Assert.True(new HostPortClaim("10.0.0.5", "TCP", 80).ConflictsWith(new HostPortClaim("0.0.0.0", "TCP", 80)));
}
