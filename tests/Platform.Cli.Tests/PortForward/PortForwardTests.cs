using Platform.Api.Model;
using Platform.Cli.Commands.PortForward;
using Platform.Cli.Tests.Support;
using Platform.RemoteCommand;

namespace Platform.Cli.Tests.PortForward;

/// <summary>port-forward's arguments, the pod it picks for a deployment, and the channel protocol's pieces.</summary>
public class PortForwardTests
{
    [Theory]
    [InlineData("8080", 8080, 8080)]
    [InlineData("9000:8080", 9000, 8080)]
    [InlineData(":8080", 0, 8080)]
    [InlineData("0:80", 0, 80)]
    public void MappingsAreLocalColonRemote(string text, int local, int remote)
    {
        Assert.Equal(new PortMapping(local, remote), PortMapping.Parse(text));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("8080:")]
    [InlineData("70000")]
    [InlineData("-1:80")]
    public void AnythingElseIsRefusedByName(string text)
    {
        var error = Assert.Throws<CliException>(() => PortMapping.Parse(text));

        Assert.Equal($"invalid port mapping \"{text}\": expected [LOCAL_PORT:]REMOTE_PORT, ports from 1 to 65535", error.Message);
    }

    [Fact]
    public void ADeploymentsRunningReadyOldestPodIsPicked()
    {
        var deleting = TestObjects.Pod("web-a", TimeSpan.FromHours(3), TestObjects.Running());
        deleting.Metadata.DeletionTimestamp = TestObjects.Now;
        Pod[] pods =
        [
            deleting,
            TestObjects.Pod("web-b", TimeSpan.FromHours(2)),
            TestObjects.Pod("web-c", TimeSpan.FromMinutes(5), TestObjects.Running()),
            TestObjects.Pod("web-d", TimeSpan.FromHours(1), TestObjects.Running()),
        ];

        Assert.Equal("web-d", PortForwardTarget.Pick(pods));
        Assert.Null(PortForwardTarget.Pick([TestObjects.Pod("pending", TimeSpan.FromHours(2))]));
    }

    [Fact]
    public void EachPortHasADataAndAnErrorChannelOpenedByItsNumberLittleEndian()
    {
        Assert.Equal(((byte)0, (byte)1, (byte)2, (byte)3), (PortForwardProtocol.DataChannel(0), PortForwardProtocol.ErrorChannel(0), PortForwardProtocol.DataChannel(1), PortForwardProtocol.ErrorChannel(1)));
        Assert.Equal([0x90, 0x1F], PortForwardProtocol.PortPrefix(8080));
    }

    [Fact]
    public void PortsComeFromPortsOrPortRepeatedOrCommaSeparated()
    {
        Assert.Equal([80, 8080, 9090], PortForwardProtocol.ParsePorts(["80,8080", "9090"]).Ports);
        Assert.Equal("at least one port must be specified (ports=P)", PortForwardProtocol.ParsePorts([]).Error);
        Assert.Equal("invalid port \"0\": a port is a number from 1 to 65535", PortForwardProtocol.ParsePorts(["0"]).Error);
    }

    [Theory]
    [InlineData(PortForwardProtocol.V4, "v4.channel.k8s.io")]
    [InlineData("SPDY/3.1+portforward.k8s.io, v4.channel.k8s.io", "v4.channel.k8s.io")]
    [InlineData("SPDY/3.1+portforward.k8s.io", null)]
    public void OnlyTheV4ChannelProtocolIsSpoken(string offered, string? chosen)
    {
        Assert.Equal(chosen, PortForwardProtocol.Negotiate([offered]));
    }
}
