using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>
/// Finalizers on every kind, as Kubernetes: a DELETE of a held object sets deletionTimestamp, sends MODIFIED and
/// keeps it readable; no finalizer may be added then; removing the last one by a patch deletes it (DELETED).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FinalizerTests(PlatformCluster cluster)
{
    private const string Hold = "example.com/hold";
    private const string MergePatch = "application/merge-patch+json";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_service_held_by_a_finalizer_stays_deleting_until_a_patch_removes_it()
    {
        const string path = "/api/v1/namespaces/default/services/held";
        var from = await CurrentVersionAsync("/api/v1/namespaces/default/services");
        await using var watch = WatchClient.Open(cluster.Http, $"/api/v1/namespaces/default/services?watch=1&resourceVersion={from}&fieldSelector=metadata.name%3Dheld");
        await WorkloadApi.CreateAsync(cluster.Http, "/api/v1/namespaces/default/services", $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: held
              finalizers: ["{{Hold}}"]
            spec:
              selector: {app: held}
              ports: [{port: 80}]
            """);

        var deleting = await DeleteAsync(path, HttpStatusCode.Accepted);
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, (long?)deleting["metadata"]!["deletionGracePeriodSeconds"]);
        var stillThere = await GetAsync(path);
        Assert.NotNull(stillThere!["metadata"]!["deletionTimestamp"]);
        Assert.Equal([Hold], stillThere["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        await DeleteAsync(path, HttpStatusCode.Accepted);

        using (var adding = await WorkloadApi.PatchAsync(cluster.Http, path, $$$"""{"metadata":{"finalizers":["{{{Hold}}}","example.com/more"]}}""", MergePatch))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, adding.StatusCode);
            var status = JsonNode.Parse(await adding.Content.ReadAsStringAsync())!;
            Assert.Equal("metadata.finalizers", (string?)status["details"]!["causes"]![0]!["field"]);
            Assert.Contains("no new finalizers can be added if the object is being deleted", (string?)status["message"]);
        }

        using (var removing = await WorkloadApi.PatchAsync(cluster.Http, path, """{"metadata":{"finalizers":null}}""", MergePatch))
        {
            Assert.Equal(HttpStatusCode.OK, removing.StatusCode);
        }

        Assert.Null(await GetAsync(path));
        var events = await watch.UntilAsync(e => (string?)e["type"] == "DELETED", Timeout);
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], events.Select(e => (string?)e["type"]));
        Assert.NotNull(events[1]["object"]!["metadata"]!["deletionTimestamp"]);
        Assert.Null(await GetAsync("/api/v1/namespaces/default/endpoints/held"));
    }

    [Fact]
    public async Task A_pod_held_by_a_finalizer_is_stopped_by_its_node_and_goes_when_released()
    {
        const string path = "/api/v1/namespaces/default/pods/held-pod";
        var manifest = Manifests.Pod("held-pod", "sleep 3600").Replace("metadata:", $"metadata:\n  finalizers: [\"{Hold}\"]");
        Assert.Equal(0, (await cluster.Cli.RunAsync(manifest, "apply", "-f", "-")).ExitCode);
        var running = await ClusterApi.WaitForPhaseAsync(cluster.Http, "held-pod", PodPhases.Running, Timeout);
        var container = Path.Combine(cluster.NodeDirectory, "runtime", $"{running.Metadata.Uid}-main");
        Assert.True(Directory.Exists(container), "the runtime has no such container");

        var deleting = await DeleteAsync(path, HttpStatusCode.Accepted);
        Assert.Equal(2, (long?)deleting["metadata"]!["deletionGracePeriodSeconds"]);

        // The node stops its container; the object stays, deleting, for as long as the finalizer is there.
        await Eventually.TrueAsync(() => Task.FromResult(!Directory.Exists(container)), Timeout, "the held pod's container to stop");
        var held = await ClusterApi.GetPodAsync(cluster.Http, "held-pod");
        Assert.NotNull(held?.Metadata.DeletionTimestamp);

        using (var removing = await WorkloadApi.PatchAsync(cluster.Http, path, """{"metadata":{"finalizers":[]}}""", MergePatch))
        {
            Assert.Equal(HttpStatusCode.OK, removing.StatusCode);
        }

        // Gone at once if the node's report of the stop has arrived, else with that report.
        await Eventually.TrueAsync(async () => await GetAsync(path) is null, Timeout, "the released pod to go");
    }

    [Fact]
    public async Task A_deployment_held_by_a_finalizer_keeps_its_pods_until_released_then_they_go_with_it()
    {
        const string path = "/apis/apps/v1/namespaces/default/deployments/held-web";
        var manifest = WorkloadManifests.Deployment("held-web", 1).Replace("  labels:\n    app: held-web\nspec:", $"  labels:\n    app: held-web\n  finalizers: [\"{Hold}\"]\nspec:");
        Assert.Contains(Hold, manifest);
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, manifest);
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "held-web", Timeout);
        var pod = Assert.Single(await WorkloadApi.PodsAsync(cluster.Http, "app=held-web"));

        await DeleteAsync(path, HttpStatusCode.Accepted);
        Assert.NotNull((await GetAsync(path))!["metadata"]!["deletionTimestamp"]);
        Assert.Equal(pod.Metadata.Uid, Assert.Single(await WorkloadApi.PodsAsync(cluster.Http, "app=held-web")).Metadata.Uid);

        using (var removing = await WorkloadApi.PatchAsync(cluster.Http, path, """{"metadata":{"finalizers":null}}""", MergePatch))
        {
            Assert.Equal(HttpStatusCode.OK, removing.StatusCode);
        }

        Assert.Null(await GetAsync(path));
        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=held-web", 0, Timeout);
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=held-web"));
    }

    [Fact]
    public async Task A_finalizer_without_a_domain_is_refused_with_its_field_path()
    {
        using var response = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, "/api/v1/namespaces", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: badfinalizer
              finalizers: ["cleanup"]
            """);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("metadata.finalizers[0]", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task A_namespace_with_a_finalizer_is_emptied_and_waits_for_it()
    {
        using (var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, "/api/v1/namespaces", $$"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: heldns
              finalizers: ["{{Hold}}"]
            """))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await WorkloadApi.CreateAsync(cluster.Http, "/api/v1/namespaces/heldns/services", "apiVersion: v1\nkind: Service\nmetadata:\n  name: inside\nspec:\n  ports: [{port: 80}]\n");
        await DeleteAsync("/api/v1/namespaces/heldns", HttpStatusCode.Accepted);
        await Eventually.TrueAsync(async () => await GetAsync("/api/v1/namespaces/heldns/services/inside") is null, Timeout, "the namespace's service to go");
        var terminating = await GetAsync("/api/v1/namespaces/heldns");
        Assert.Equal("Terminating", (string?)terminating!["status"]!["phase"]);

        using (var removing = await WorkloadApi.PatchAsync(cluster.Http, "/api/v1/namespaces/heldns", """{"metadata":{"finalizers":null}}""", MergePatch))
        {
            Assert.Equal(HttpStatusCode.OK, removing.StatusCode);
        }

        Assert.Null(await GetAsync("/api/v1/namespaces/heldns"));
    }

    private async Task<string> CurrentVersionAsync(string path)
    {
        var list = JsonNode.Parse(await cluster.Http.GetStringAsync(path))!;
        return (string)list["metadata"]!["resourceVersion"]!;
    }

    private async Task<JsonNode> DeleteAsync(string path, HttpStatusCode expected)
    {
        using var response = await cluster.Http.DeleteAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await cluster.Http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
    }
}
