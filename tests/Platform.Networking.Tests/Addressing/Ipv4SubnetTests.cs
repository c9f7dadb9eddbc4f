using System.Net;

namespace Platform.Networking.Tests.Addressing;

public sealed class Ipv4SubnetTests
{
    [Fact]
    public void The_gateway_is_the_first_address_and_pods_take_the_rest_but_broadcast()
    {
        var subnet = Ipv4Subnet.Parse("10.88.0.0/24");

        Assert.Equal(IPAddress.Parse("10.88.0.1"), subnet.Gateway);
        Assert.Equal(253, subnet.PodAddresses().Count());
        Assert.Equal(IPAddress.Parse("10.88.0.2"), subnet.PodAddresses().First());
        Assert.Equal(IPAddress.Parse("10.88.0.254"), subnet.PodAddresses().Last());
    }

    [Fact]
    public void Host_bits_in_the_setting_are_dropped()
    {
        Assert.Equal("10.89.3.0/24", Ipv4Subnet.Parse("10.89.3.77/24").ToString());
        Assert.True(Ipv4Subnet.Parse("10.89.3.0/24").Contains(IPAddress.Parse("10.89.3.200")));
        Assert.False(Ipv4Subnet.Parse("10.89.3.0/24").Contains(IPAddress.Parse("10.89.4.1")));
    }

    [Theory]
    [InlineData("10.88.0.0")]
    [InlineData("10.88.0.0/31")]
    [InlineData("fd00::/64")]
    [InlineData("ten/24")]
    public void Settings_that_are_not_usable_subnets_are_refused(string cidr)
    {
        var error = Assert.Throws<FormatException>(() => Ipv4Subnet.Parse(cidr));

        Assert.Equal($"\"{cidr}\" is not an IPv4 subnet between /8 and /30 (such as 10.88.0.0/24)", error.Message);
    }
}
