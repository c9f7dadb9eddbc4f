using System.Net;
using Platform.Grains.Services;

namespace Platform.Grains.Tests.Services;

public class ServiceIpRangeTests
{
    [Fact]
    public void ARangeHandsOutAllButItsNetworkAndBroadcastAddresses()
    {
        var range = ServiceIpRange.Parse("10.96.0.0/16");

        Assert.Equal(("10.96.0.1", "10.96.255.254"), (ServiceIpRange.ToText(range.First), ServiceIpRange.ToText(range.Last)));
        Assert.True(range.Contains(IPAddress.Parse("10.96.12.34")));
        Assert.False(range.Contains(IPAddress.Parse("10.96.0.0")));
        Assert.False(range.Contains(IPAddress.Parse("10.97.0.1")));
        Assert.Equal("10.96.0.0/16", range.ToString());
    }

    [Fact]
    public void HostBitsAreMaskedOff() =>
        Assert.Equal("10.96.0.0/24", ServiceIpRange.Parse("10.96.0.77/24").ToString());

    [Theory]
    [InlineData("10.96.0.0")]
    [InlineData("10.96.0.0/31")]
    [InlineData("fd00::/64")]
    [InlineData("banana/16")]
    public void AnInvalidRangeIsRefused(string cidr) =>
        Assert.Throws<FormatException>(() => ServiceIpRange.Parse(cidr));
}
