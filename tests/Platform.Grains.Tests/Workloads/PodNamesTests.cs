using Platform.Grains.Workloads;

namespace Platform.Grains.Tests.Workloads;

public sealed class PodNamesTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(50)]
    [InlineData(56)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(63)]
    public void Every_pod_of_a_deployments_replica_sets_is_named_under_the_deployment(int length)
    {
        var deployment = new string('d', length - 1) + "x";
        var replicaSet = $"{deployment}-5d8f7c9b6";

        var pod = PodNames.Generate(replicaSet);

        Assert.StartsWith(PodNames.PrefixUnder(deployment), pod, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_deployment_whose_name_starts_alike_is_not_under_it()
    {
        Assert.False(PodNames.Generate("web-server-5d8f7c9b6").StartsWith(PodNames.PrefixUnder("web-serve"), StringComparison.Ordinal));
        Assert.Equal("web-", PodNames.PrefixUnder("web"));
    }
}
