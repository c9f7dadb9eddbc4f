using System.Net;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.Tests.Networking;

public sealed class PodNamesTests
{
    private readonly PodNames names = new();

    public PodNamesTests()
    {
        names.Add("uid-1", "default", "web", IPAddress.Parse("10.88.0.2"));
        names.Add("uid-2", "shop", "web", IPAddress.Parse("10.88.0.3"));
    }

    [Theory]
    [InlineData("web.default", "10.88.0.2")]
    [InlineData("web.shop", "10.88.0.3")]
    [InlineData("WEB.shop.pod.cluster.local", "10.88.0.3")]
    [InlineData("web.shop.pod.cluster.local.", "10.88.0.3")]
    [InlineData("web", "10.88.0.2")]
    public void A_pod_is_found_by_name_namespace_and_zone(string query, string address) =>
        Assert.Equal(IPAddress.Parse(address), names.Resolve(query));

    [Theory]
    [InlineData("db")]
    [InlineData("web.other")]
    [InlineData("web.shop.svc.cluster.local")]
    [InlineData("example.com")]
    public void Anything_else_is_unknown(string query) => Assert.Null(names.Resolve(query));

    [Fact]
    public void A_removed_pod_is_no_longer_found()
    {
        names.Remove("uid-2");

        Assert.Null(names.Resolve("web.shop"));
    }

    [Fact]
    public void Resolv_conf_names_the_bridge_and_searches_services_as_kubernetes_then_the_pods_namespace() =>
        Assert.Equal(
            "# Written by the platform node agent.\nnameserver 10.88.0.1\nsearch shop.svc.cluster.local svc.cluster.local cluster.local shop.pod.cluster.local\noptions ndots:5\n",
            PodNames.ResolvConf("shop", IPAddress.Parse("10.88.0.1")));

    [Fact]
    public void The_hosts_file_names_the_pod() =>
        Assert.EndsWith("10.88.0.3\tweb web.shop.pod.cluster.local\n", PodNames.HostsFile("shop", "web", IPAddress.Parse("10.88.0.3")));
}
