using Platform.Api.Model;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Model;

public class PodResourcesTests
{
    [Fact]
    public void APodWithoutResourcesRequestsNothing()
    {
        var spec = new PodSpec { Containers = [Pods.Container("a")] };

        Assert.Equal(ResourceAmounts.Zero, spec.Requests());
    }

    [Fact]
    public void SumsTheRequestsOfAllContainers()
    {
        var spec = new PodSpec
        {
            Containers =
            [
                Pods.Container("a", requests: new() { ["cpu"] = "250m", ["memory"] = "64Mi" }),
                Pods.Container("b", requests: new() { ["cpu"] = "1.5", ["memory"] = "1G" }),
                Pods.Container("c"),
            ],
        };

        Assert.Equal(new ResourceAmounts(1750, (64L << 20) + 1_000_000_000), spec.Requests());
    }

    [Fact]
    public void ALimitWithoutARequestCountsAsTheRequest()
    {
        var spec = new PodSpec
        {
            Containers =
            [
                Pods.Container("a", limits: new() { ["cpu"] = "2", ["memory"] = "1Gi" }),
                Pods.Container("b", requests: new() { ["cpu"] = "100m" }, limits: new() { ["cpu"] = "200m", ["memory"] = "256Mi" }),
            ],
        };

        Assert.Equal(new ResourceAmounts(2100, (1L << 30) + (256L << 20)), spec.Requests());
    }

    [Fact]
    public void AnExplicitRequestWinsOverTheLimit()
    {
        var spec = new PodSpec
        {
            Containers = [Pods.Container("a", requests: new() { ["cpu"] = "0", ["memory"] = "1Mi" }, limits: new() { ["cpu"] = "1", ["memory"] = "2Mi" })],
        };

        Assert.Equal(new ResourceAmounts(0, 1L << 20), spec.Requests());
    }

    [Fact]
    public void OtherResourceNamesAreIgnored()
    {
        var spec = new PodSpec
        {
            Containers = [Pods.Container("a", requests: new() { ["ephemeral-storage"] = "1Gi", ["example.com/gpu"] = "1" })],
        };

        Assert.Equal(ResourceAmounts.Zero, spec.Requests());
    }

    [Fact]
    public void ResourceAmountsRoundTripThroughAResourceList()
    {
        var amounts = new ResourceAmounts(1500, 512L << 20);

        var list = amounts.ToResourceList();

        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "1500m", ["memory"] = "512Mi" }, list);
        Assert.Equal(amounts, ResourceAmounts.From(list));
    }

    [Fact]
    public void ResourceAmountsArithmetic()
    {
        var a = new ResourceAmounts(1000, 100);
        var b = new ResourceAmounts(300, 40);

        Assert.Equal(new ResourceAmounts(1300, 140), a + b);
        Assert.Equal(new ResourceAmounts(700, 60), a - b);
        Assert.True(b.FitsWithin(a));
        Assert.True(a.FitsWithin(a));
        Assert.False(a.FitsWithin(b));
        Assert.False(new ResourceAmounts(1, 101).FitsWithin(a));
    }
}
