using System.Net;
using Platform.Contracts;
using Platform.NodeAgent.ClusterServices;

namespace Platform.NodeAgent.Tests.ClusterServices;

public sealed class ServiceNamesTests
{
    private readonly ServiceTable table = new();
    private readonly ServiceNames names;

    public ServiceNamesTests()
    {
        names = new ServiceNames(table);
        table.Apply(new ServiceRoutingSnapshot(10, null,
        [
            new ServiceRouting("shop", "web", 3, "10.96.0.7", [], ["10.88.0.2", "10.88.0.3"]),
            new ServiceRouting("shop", "db", 4, null, [], ["10.88.0.4", "10.88.0.5"]),
            new ServiceRouting("shop", "empty", 5, null, [], []),
        ], DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("web.shop")]
    [InlineData("web.shop.svc")]
    [InlineData("WEB.shop.svc.cluster.local")]
    [InlineData("web.shop.svc.cluster.local.")]
    public void A_service_is_found_by_the_names_kubernetes_gives_it(string query) =>
        Assert.Equal([IPAddress.Parse("10.96.0.7")], names.ResolveAll(query));

    [Fact]
    public void A_headless_service_answers_its_ready_pods() =>
        Assert.Equal([IPAddress.Parse("10.88.0.4"), IPAddress.Parse("10.88.0.5")], names.ResolveAll("db.shop.svc.cluster.local"));

    [Theory]
    [InlineData("web")]
    [InlineData("web.default.svc.cluster.local")]
    [InlineData("web.shop.pod.cluster.local")]
    [InlineData("web.shop.svc.cluster")]
    [InlineData("empty.shop.svc.cluster.local")]
    [InlineData("x.web.shop.svc.cluster.local")]
    public void Anything_else_is_unknown(string query)
    {
        Assert.Empty(names.ResolveAll(query));
        Assert.Null(names.Resolve(query));
    }
}
