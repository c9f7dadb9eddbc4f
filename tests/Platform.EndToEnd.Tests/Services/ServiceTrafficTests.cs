using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Services;

/// <summary>
/// A busybox httpd Deployment behind a Service: Endpoints follow the pods' readiness probes, and the
/// gateway's ingress (/apps/&lt;namespace&gt;/&lt;service&gt;/) balances over the ready pods only.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceTrafficTests(PlatformCluster cluster)
{
    private const string Services = "/api/v1/namespaces/default/services";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Unique in the shared cluster: other tests' pods carry app=web.</summary>
    private const string Web = "svc-web";

    [Fact]
    public async Task Endpoints_and_the_ingress_follow_the_ready_pods_and_leave_out_an_unready_one()
    {
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(Web, Web));
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, ServiceManifests.WebDeployment(Web, 2));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, Web, Timeout);
        var pods = (await WorkloadApi.PodsAsync(cluster.Http, $"app={Web}")).Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(2, pods.Count);

        // Endpoints list exactly the ready pods, on the container port the service's targetPort names.
        var endpoints = await WaitForEndpointsAsync(ready: 2, notReady: 0);
        var subset = Assert.Single(endpoints.Subsets!);
        Assert.Equal(pods.Select(p => p.Status!.PodIP).Order(), subset.Addresses!.Select(a => a.Ip).Order());
        Assert.Equal((8080, "http"), (subset.Ports!.Single().Port, subset.Ports!.Single().Name));

        // The ingress answers with each pod's page, round robin, once its informer has seen both addresses (it
        // follows the Endpoints through the change log, a moment after they are written).
        using var ingress = new HttpClient { BaseAddress = cluster.GatewayUrl };
        var routed = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.TrueAsync(async () =>
        {
            using var response = await ingress.GetAsync($"/apps/default/{Web}/");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                routed.Add((await response.Content.ReadAsStringAsync()).Trim());
            }

            return routed.SetEquals(pods.Select(p => p.Metadata.Name!));
        }, Timeout, "the ingress to route to both ready pods");
        var answers = await FetchAsync(ingress, 6);
        Assert.Equal(pods.Select(p => p.Metadata.Name!).Order(), answers.Distinct().Order());

        // One pod fails its readiness probe: it leaves the endpoints and the rotation, and says so in its status.
        var unready = pods[0].Metadata.Name!;
        var exec = await cluster.Cli.RunAsync(null, "exec", unready, "--", "rm", "/tmp/ready");
        Assert.Equal(0, exec.ExitCode);
        endpoints = await WaitForEndpointsAsync(ready: 1, notReady: 1);
        Assert.Equal(unready, endpoints.Subsets!.Single().NotReadyAddresses!.Single().TargetRef!.Name);
        var pod = await ClusterApi.GetPodAsync(cluster.Http, unready);
        Assert.False(pod!.Status!.ContainerStatuses!.Single().Ready);
        Assert.Equal("False", pod.Status.Conditions!.Single(c => c.Type == "Ready").Status);
        await Eventually.TrueAsync(async () => (await FetchAsync(ingress, 1)).Single() != unready, Timeout, "the ingress to route away from the unready pod");
        Assert.All(await FetchAsync(ingress, 6), name => Assert.Equal(pods[1].Metadata.Name, name));

        // Ready again: back in rotation.
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "exec", unready, "--", "touch", "/tmp/ready")).ExitCode);
        await WaitForEndpointsAsync(ready: 2, notReady: 0);

        await WorkloadApi.DeleteAsync(cluster.Http, $"{WorkloadApi.Deployments}/{Web}");
        await WaitForEndpointsAsync(ready: 0, notReady: 0);
        await Eventually.TrueAsync(async () =>
        {
            using var response = await ingress.GetAsync($"/apps/default/{Web}/");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable
                && (await response.Content.ReadAsStringAsync()).Contains("has no ready endpoints", StringComparison.Ordinal);
        }, Timeout, "503 from a service without ready endpoints");
        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{Web}");
    }

    [Fact]
    public async Task The_ingress_answers_404_for_an_unknown_service_and_503_for_one_without_ready_pods()
    {
        using var ingress = new HttpClient { BaseAddress = cluster.GatewayUrl };
        using (var unknown = await ingress.GetAsync("/apps/default/no-such-service/index.html"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            var status = System.Text.Json.Nodes.JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
            Assert.StartsWith("service \"no-such-service\" not found in namespace \"default\"", (string?)status["message"]);
        }

        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service("empty", "nobody"));
        await Eventually.TrueAsync(async () =>
        {
            using var response = await ingress.GetAsync("/apps/default/empty/");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, Timeout, "503 from a service that selects no pod");
        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/empty");
        await Eventually.TrueAsync(async () =>
        {
            using var response = await ingress.GetAsync("/apps/default/empty/");
            return response.StatusCode == HttpStatusCode.NotFound;
        }, Timeout, "404 once the service is deleted");
    }

    private async Task<List<string>> FetchAsync(HttpClient ingress, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await ingress.GetAsync($"/apps/default/{Web}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            names.Add((await response.Content.ReadAsStringAsync()).Trim());
        }

        return names;
    }

    private Task<Endpoints> WaitForEndpointsAsync(int ready, int notReady) =>
        Eventually.ValueAsync(async () =>
        {
            var e = await WorkloadApi.GetAsync<Endpoints>(cluster.Http, $"/api/v1/namespaces/default/endpoints/{Web}");
            var subsets = e?.Subsets ?? [];
            return subsets.Sum(s => s.Addresses?.Count ?? 0) == ready && subsets.Sum(s => s.NotReadyAddresses?.Count ?? 0) == notReady ? e : null;
        }, Timeout, $"endpoints of {Web} with {ready} ready and {notReady} not ready addresses");
}
