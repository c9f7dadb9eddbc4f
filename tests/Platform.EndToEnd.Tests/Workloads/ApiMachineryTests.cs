using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Workloads;

[Collection(ClusterCollection.Name)]
public sealed class ApiMachineryTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_watch_resumed_from_a_list_sees_every_later_change_in_order()
    {
        var list = await cluster.Http.GetFromJsonAsync<JsonObject>("/api/v1/namespaces/default/pods");
        var from = (string)list!["metadata"]!["resourceVersion"]!;
        await using var watch = WatchClient.Open(cluster.Http, $"/api/v1/namespaces/default/pods?watch=1&resourceVersion={from}&labelSelector=case%3Dwatched");

        var manifest = Manifests.Pod("watched", "sleep 3600").Replace("test: e2e", "case: watched");
        Assert.Equal(0, (await cluster.Cli.RunAsync(manifest, "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "watched", PodPhases.Running, Timeout);
        using (await cluster.Http.DeleteAsync("/api/v1/namespaces/default/pods/watched"))
        {
        }

        var events = await watch.UntilAsync(e => (string?)e["type"] == "DELETED", Timeout);
        Assert.Equal("ADDED", (string?)events[0]["type"]);
        Assert.Contains(events, e => (string?)e["object"]!["status"]?["phase"] == "Running");
        var versions = events.Select(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!)).ToList();
        Assert.Equal(versions.OrderBy(v => v), versions);
        Assert.True(versions[0] > long.Parse(from));

        // A second watch from the same point replays the same changes.
        await using var replay = WatchClient.Open(cluster.Http, $"/api/v1/namespaces/default/pods?watch=1&resourceVersion={from}&labelSelector=case%3Dwatched");
        var replayed = await replay.UntilAsync(e => (string?)e["type"] == "DELETED", Timeout);
        Assert.Equal(versions, replayed.Select(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!)).ToList());
    }

    [Fact]
    public async Task A_watch_from_a_version_the_log_no_longer_holds_gets_410_expired()
    {
        await using var watch = WatchClient.Open(cluster.Http, "/api/v1/pods?watch=1&resourceVersion=1");
        var first = await watch.NextAsync(TimeSpan.FromSeconds(3));
        // Revision 1 is still held on a young cluster; then the watch simply starts. Otherwise it must say Expired.
        if ((string?)first?["type"] == "ERROR")
        {
            Assert.Equal(410, (int?)first!["object"]!["code"]);
        }

        using var bad = await cluster.Http.GetAsync("/api/v1/pods?watch=1&resourceVersion=abc");
        var line = JsonNode.Parse((await bad.Content.ReadAsStringAsync()).Trim())!;
        Assert.Equal("ERROR", (string?)line["type"]);
        Assert.Equal(400, (int?)line["object"]!["code"]);
    }

    [Fact]
    public async Task Namespaces_isolate_names_refuse_content_when_missing_and_take_their_objects_with_them()
    {
        using (var missing = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, "/api/v1/namespaces/nowhere/pods", Manifests.Pod("p", "true").Replace("metadata:", "metadata:\n  namespace: nowhere")))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var status = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
            Assert.Equal("namespaces \"nowhere\" not found", (string?)status["message"]);
        }

        using (var ns = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, "/api/v1/namespaces", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"))
        {
            Assert.Equal(HttpStatusCode.Created, ns.StatusCode);
        }

        using (var deployment = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, "/apis/apps/v1/namespaces/shop/deployments", WorkloadManifests.Deployment("web", 2, @namespace: "shop")))
        {
            Assert.Equal(HttpStatusCode.Created, deployment.StatusCode);
        }

        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "web", Timeout, "shop");
        Assert.Empty(await WorkloadApi.PodsAsync(cluster.Http, "app=web"));
        Assert.Equal(2, (await WorkloadApi.PodsAsync(cluster.Http, "app=web", "shop")).Count);

        using (var deleted = await cluster.Http.DeleteAsync("/api/v1/namespaces/shop"))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        await Eventually.TrueAsync(async () => await WorkloadApi.GetAsync<Namespace>(cluster.Http, "/api/v1/namespaces/shop") is null, Timeout, "namespace shop to be gone");
        Assert.Empty(await WorkloadApi.PodsAsync(cluster.Http, "app=web", "shop"));
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=web", "shop"));

        using var builtIn = await cluster.Http.DeleteAsync("/api/v1/namespaces/default");
        Assert.Equal(HttpStatusCode.Forbidden, builtIn.StatusCode);
    }

    [Fact]
    public async Task Updates_with_a_stale_resource_version_conflict_and_patches_merge()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod("patched", "sleep 3600"), "apply", "-f", "-")).ExitCode);
        var pod = (await ClusterApi.GetPodAsync(cluster.Http, "patched"))!;

        using (var merge = await WorkloadApi.PatchAsync(cluster.Http, "/api/v1/namespaces/default/pods/patched", """{"metadata":{"labels":{"tier":"front"}}}""", "application/merge-patch+json"))
        {
            Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        }

        var patched = (await ClusterApi.GetPodAsync(cluster.Http, "patched"))!;
        Assert.Equal("front", patched.Metadata.Labels!["tier"]);
        Assert.Equal("e2e", patched.Metadata.Labels!["test"]);

        pod.Metadata.Labels!["tier"] = "back";
        using (var stale = await cluster.Http.PutAsJsonAsync("/api/v1/namespaces/default/pods/patched", pod, ApiJson.Options))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var jsonPatch = await WorkloadApi.PatchAsync(cluster.Http, "/api/v1/namespaces/default/pods/patched", """[{"op":"remove","path":"/metadata/labels/tier"}]""", "application/json-patch+json"))
        {
            Assert.Equal(HttpStatusCode.OK, jsonPatch.StatusCode);
        }

        Assert.False((await ClusterApi.GetPodAsync(cluster.Http, "patched"))!.Metadata.Labels!.ContainsKey("tier"));
        using (var immutable = await WorkloadApi.PatchAsync(cluster.Http, "/api/v1/namespaces/default/pods/patched", """{"spec":{"containers":[{"name":"main","image":"other:1"}]}}""", "application/strategic-merge-patch+json"))
        {
            Assert.Equal((HttpStatusCode)422, immutable.StatusCode);
        }

        using (var selector = await cluster.Http.GetAsync("/api/v1/pods?labelSelector=tier%20in%20(front"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, selector.StatusCode);
        }

        using (await cluster.Http.DeleteAsync("/api/v1/namespaces/default/pods/patched"))
        {
        }
    }

    [Fact]
    public async Task Invalid_deployments_are_refused_with_the_field_path_and_nothing_is_stored()
    {
        await AssertInvalidAsync(WorkloadManifests.Deployment("bad", 1, templateApp: "other"), "spec.template.metadata.labels");
        await AssertInvalidAsync(WorkloadManifests.Deployment("bad", -1), "spec.replicas");
        await AssertInvalidAsync(WorkloadManifests.Deployment("bad", 1, maxSurge: 0, maxUnavailable: 0), "spec.strategy.rollingUpdate.maxUnavailable");

        using (var unknown = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("bad", 1).Replace("  replicas: 1", "  replicas: 1\n  replica: 2")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("spec.replica", await unknown.Content.ReadAsStringAsync());
        }

        Assert.Null(await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/bad"));
    }

    private async Task AssertInvalidAsync(string manifest, string field)
    {
        using var response = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, manifest);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((HttpStatusCode)422 == response.StatusCode, body);
        Assert.Contains($"\"field\":\"{field}\"", body);
    }
}
