using Platform.NodeAgent.ClusterServices;

namespace Platform.NodeAgent.Tests.ClusterServices;

/// <summary>The subnets of this machine's own interfaces, read for real.</summary>
public sealed class AttachedSubnetsTests
{
    [Fact]
    public void An_address_in_a_subnet_of_the_hosts_interfaces_is_attached_and_others_are_not()
    {
        var attached = new AttachedSubnets();
        Assert.False(attached.Contains("127.0.0.1")); // nothing read yet

        attached.Refresh();

        // The loopback interface holds 127.0.0.1/8: any 127.x address is on it.
        Assert.True(attached.Contains("127.0.0.1"));
        Assert.True(attached.Contains("127.200.3.4"));
        Assert.False(attached.Contains("203.0.113.7")); // TEST-NET-3, on no interface
        Assert.False(attached.Contains("not-an-address"));
        Assert.False(attached.Contains("::1"));
    }
}
