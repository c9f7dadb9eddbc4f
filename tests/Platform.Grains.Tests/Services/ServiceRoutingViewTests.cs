using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Services;

namespace Platform.Grains.Tests.Services;

/// <summary>What the gateway tells the nodes: Services and Endpoints from a list and the change log, as routing.</summary>
public class ServiceRoutingViewTests
{
    private readonly ServiceRoutingView view = new();

    private static Service Service(string name = "web", string clusterIp = "10.96.0.7", string revision = "5") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", ResourceVersion = revision },
        Spec = new ServiceSpec
        {
            ClusterIP = clusterIp,
            Ports =
            [
                new ServicePort { Name = "http", Port = 80, Protocol = "TCP" },
                new ServicePort { Name = "metrics", Port = 9090, Protocol = "TCP" },
            ],
        },
    };

    private static Endpoints Endpoints(string name = "web", string revision = "6") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", ResourceVersion = revision },
        Subsets =
        [
            new EndpointSubset
            {
                Addresses = [Address("10.88.0.2", "web-a", "node-a"), Address("10.88.0.3", "web-b", "node-b")],
                NotReadyAddresses = [Address("10.88.0.4", "web-c", "node-a")],
                Ports = [new EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }, new EndpointPort { Name = "metrics", Port = 9100, Protocol = "TCP" }],
            },
            new EndpointSubset
            {
                Addresses = [Address("10.88.0.5", "web-d", "node-a")],
                Ports = [new EndpointPort { Name = "http", Port = 8081, Protocol = "TCP" }],
            },
        ],
    };

    private static EndpointAddress Address(string ip, string pod, string node) =>
        new() { Ip = ip, NodeName = node, TargetRef = new ObjectReference { Kind = "Pod", Name = pod } };

    [Fact]
    public void Each_port_routes_to_the_ready_addresses_on_the_pod_port_of_its_name()
    {
        var routing = ServiceRoutingView.Build(Service(), 5, Endpoints(), 6);

        Assert.Equal(("default", "web", 6L, "10.96.0.7"), (routing.Namespace, routing.Name, routing.Revision, routing.ClusterIP));
        var http = routing.Ports.Single(p => p.Name == "http");
        Assert.Equal((80, "TCP"), (http.Port, http.Protocol));
        Assert.Equal(
            ["10.88.0.2:8080@node-a/web-a", "10.88.0.3:8080@node-b/web-b", "10.88.0.5:8081@node-a/web-d"],
            http.Backends.Select(b => $"{b.Ip}:{b.Port}@{b.NodeName}/{b.Pod}"));
        Assert.Equal(["10.88.0.2:9100", "10.88.0.3:9100"], routing.Ports.Single(p => p.Name == "metrics").Backends.Select(b => $"{b.Ip}:{b.Port}"));
        Assert.Equal(["10.88.0.2", "10.88.0.3", "10.88.0.5"], routing.ReadyAddresses);
    }

    [Fact]
    public void A_headless_service_has_no_cluster_ip_and_no_endpoints_yet_no_backends()
    {
        var routing = ServiceRoutingView.Build(Service(clusterIp: "None"), 5, null, 0);

        Assert.Null(routing.ClusterIP);
        Assert.All(routing.Ports, p => Assert.Empty(p.Backends));
        Assert.Empty(routing.ReadyAddresses);
        Assert.Equal(5, routing.Revision);
    }

    [Fact]
    public void Changes_after_the_list_update_the_routing_and_older_ones_are_skipped()
    {
        view.Load(6, [Service()], [Endpoints()]);

        Assert.Null(view.Apply(Change(ChangeTypes.Modified, "endpoints", 6, Endpoints())));
        var updated = Endpoints();
        updated.Subsets!.RemoveAt(1);
        Assert.Equal("default/web", view.Apply(Change(ChangeTypes.Modified, "endpoints", 9, updated)));

        var routing = view.Routing("default/web")!;
        Assert.Equal(9, routing.Revision);
        Assert.Equal(2, routing.Ports.Single(p => p.Name == "http").Backends.Count);
        Assert.Equal(9, view.Revision);
    }

    [Fact]
    public void A_deleted_service_routes_nothing_and_its_endpoints_deletion_touches_no_service()
    {
        view.Load(6, [Service()], [Endpoints()]);

        Assert.Equal("default/web", view.Apply(Change(ChangeTypes.Deleted, "services", 10, Service())));
        Assert.Null(view.Apply(Change(ChangeTypes.Deleted, "endpoints", 11, Endpoints())));

        Assert.Null(view.Routing("default/web"));
        Assert.Empty(view.All());
        Assert.Equal(11, view.Revision);
    }

    [Fact]
    public void A_new_service_appears_and_other_kinds_only_move_the_revision()
    {
        view.Load(1, [], []);

        Assert.Null(view.Apply(new ChangeEvent(2, ChangeTypes.Added, "pods", "default", "p", "{}")));
        Assert.Equal("default/api", view.Apply(Change(ChangeTypes.Added, "services", 3, Service("api", "10.96.0.9"))));
        Assert.Equal("default/api", view.Apply(Change(ChangeTypes.Added, "endpoints", 4, Endpoints("api"))));

        var routing = Assert.Single(view.All());
        Assert.Equal(("api", "10.96.0.9", 4L), (routing.Name, routing.ClusterIP, routing.Revision));
    }

    private static ChangeEvent Change<T>(string type, string resource, long revision, T item)
        where T : IApiObject =>
        new(revision, type, resource, item.Metadata.Namespace, item.Metadata.Name!, JsonSerializer.Serialize(item, ApiJson.Options));
}
