using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Services;

/// <summary>Services through the API: cluster IPs from the service range, their Endpoints, validation, watch and delete.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceApiTests(PlatformCluster cluster)
{
    private const string Services = "/api/v1/namespaces/default/services";
    private const string Endpoints = "/api/v1/namespaces/default/endpoints";

    [Fact]
    public async Task A_service_gets_a_cluster_ip_and_endpoints_and_is_listed_watched_and_deleted()
    {
        Service created;
        using (var response = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, Services, ServiceManifests.Service("api-svc", "nothing-here")))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created = (await response.Content.ReadFromJsonAsync<Service>(ApiJson.Options))!;
        }

        var range = cluster.ServiceSubnet[..cluster.ServiceSubnet.LastIndexOf('.')];
        Assert.StartsWith(range + ".", created.Spec.ClusterIP);
        Assert.Equal([created.Spec.ClusterIP!], created.Spec.ClusterIPs);
        Assert.Equal(("ClusterIP", "TCP"), (created.Spec.Type, created.Spec.Ports![0].Protocol));
        var endpoints = await WorkloadApi.GetAsync<Endpoints>(cluster.Http, $"{Endpoints}/api-svc");
        Assert.NotNull(endpoints);
        Assert.Empty(endpoints.Subsets!);

        var list = await cluster.Http.GetFromJsonAsync<ObjectList<Service>>($"{Services}?labelSelector=app%3Dnothing-here", ApiJson.Options);
        Assert.Equal("api-svc", Assert.Single(list!.Items).Metadata.Name);

        // The cluster IP is the service's for life.
        var moved = ServiceManifests.Service("api-svc", "nothing-here", extra: $"  clusterIP: {range}.200");
        using (var update = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Put, $"{Services}/api-svc", moved))
        {
            Assert.Equal((HttpStatusCode)422, update.StatusCode);
            var status = JsonNode.Parse(await update.Content.ReadAsStringAsync())!;
            Assert.Equal("spec.clusterIP", (string?)status["details"]!["causes"]![0]!["field"]);
            Assert.Contains("field is immutable", (string?)status["message"]);
        }

        // A second service asking for the first one's address is refused.
        var taken = ServiceManifests.Service("api-svc-2", "nothing-here", extra: $"  clusterIP: {created.Spec.ClusterIP}");
        using (var conflict = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, Services, taken))
        {
            Assert.Equal((HttpStatusCode)422, conflict.StatusCode);
            Assert.Contains("provided IP is already allocated", await conflict.Content.ReadAsStringAsync());
        }

        await using var watch = WatchClient.Open(cluster.Http, $"{Services}?watch=1&fieldSelector=metadata.name=api-svc&resourceVersion={list.Metadata.ResourceVersion}");
        using (var deleted = await cluster.Http.DeleteAsync($"{Services}/api-svc"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        var events = await watch.UntilAsync(e => (string?)e["type"] == "DELETED", TimeSpan.FromSeconds(30));
        Assert.Equal("api-svc", (string?)events[^1]["object"]!["metadata"]!["name"]);
        Assert.Null(await WorkloadApi.GetAsync<Service>(cluster.Http, $"{Services}/api-svc"));
        Assert.Null(await WorkloadApi.GetAsync<Endpoints>(cluster.Http, $"{Endpoints}/api-svc"));
    }

    [Theory]
    [InlineData("  ports: []", "spec.ports", "Required value")]
    [InlineData("  type: LoadBalancer", "spec.type", "Unsupported value: \"LoadBalancer\"")]
    [InlineData("  clusterIP: 192.168.1.1", "spec.clusterIP", "provided IP is not in the valid range")]
    public async Task An_invalid_service_is_refused_with_the_field_path(string extra, string field, string detail)
    {
        var yaml = ServiceManifests.Service("bad-svc", "bad", extra: extra);
        if (extra.Contains("ports", StringComparison.Ordinal))
        {
            yaml = $$"""
                apiVersion: v1
                kind: Service
                metadata:
                  name: bad-svc
                spec:
                  selector:
                    app: bad
                {{extra}}
                """;
        }

        using var response = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, Services, yaml);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(field, (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Contains(detail, (string?)status["message"]);
        Assert.Null(await WorkloadApi.GetAsync<Service>(cluster.Http, $"{Services}/bad-svc"));
    }

    [Fact]
    public async Task A_named_target_port_the_container_lacks_and_a_bad_port_number_name_their_fields()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: bad-ports
            spec:
              selector:
                app: bad
              ports:
                - name: a
                  port: 0
                - name: b
                  port: 81
                  targetPort: "Not_A_Name"
            """;

        using var response = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, Services, yaml);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var fields = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["details"]!["causes"]!.AsArray().Select(c => (string?)c!["field"]).ToList();
        Assert.Equal(["spec.ports[0].port", "spec.ports[1].targetPort"], fields);
    }
}
