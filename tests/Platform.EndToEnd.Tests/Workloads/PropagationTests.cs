using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>
/// Deletion propagation (DeleteOptions.propagationPolicy, the query parameter, kubectl's --cascade): Orphan leaves the
/// dependents without their owner reference, Foreground keeps the owner until its dependents are gone, Background (the
/// default) removes the owner at once and the garbage collector its dependents after it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PropagationTests(PlatformCluster cluster) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);

    [Fact]
    public async Task Kubectl_cascade_orphan_leaves_the_replica_set_and_its_pods_running_without_an_owner()
    {
        await CreateDeploymentAsync("orphans", 2);
        var rs = Assert.Single(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=orphans"));
        var pods = (await WorkloadApi.PodsAsync(cluster.Http, "app=orphans")).Select(p => p.Metadata.Uid).Order().ToList();

        var deleted = await kubectl.RunAsync(null, "delete", "deployment", "orphans", "--cascade=orphan");
        Assert.True(deleted.ExitCode == 0, deleted.Errors);
        Assert.Equal("deployment.apps \"orphans\" deleted\n", deleted.Output);

        var orphan = Assert.Single(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=orphans"));
        Assert.Equal(rs.Metadata.Uid, orphan.Metadata.Uid);
        Assert.Null(orphan.Metadata.OwnerReferences);
        Assert.Equal(pods, (await WorkloadApi.PodsAsync(cluster.Http, "app=orphans")).Select(p => p.Metadata.Uid).Order().ToList());

        // The orphaned ReplicaSet still keeps its pods: one deleted is replaced.
        using (await cluster.Http.DeleteAsync($"/api/v1/namespaces/default/pods/{(await WorkloadApi.PodsAsync(cluster.Http, "app=orphans"))[0].Metadata.Name}"))
        {
        }

        await Eventually.TrueAsync(
            async () => (await WorkloadApi.PodsAsync(cluster.Http, "app=orphans")).Count(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase == PodPhases.Running) == 2
                && (await WorkloadApi.PodsAsync(cluster.Http, "app=orphans")).Count == 2,
            Timeout,
            "the orphaned replica set to replace its pod");

        // The ReplicaSet orphaned in turn (query parameter): its pods stay, ownerless, and nothing replaces or removes them.
        using (var response = await cluster.Http.DeleteAsync($"/apis/apps/v1/namespaces/default/replicasets/{rs.Metadata.Name}?propagationPolicy=Orphan"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var left = await WorkloadApi.PodsAsync(cluster.Http, "app=orphans");
        Assert.Equal(2, left.Count);
        Assert.All(left, p => Assert.Null(p.Metadata.OwnerReferences));
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=orphans"));

        foreach (var pod in left)
        {
            using (await cluster.Http.DeleteAsync($"/api/v1/namespaces/default/pods/{pod.Metadata.Name}"))
            {
            }
        }

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=orphans", 0, Timeout);
    }

    [Fact]
    public async Task Kubectl_cascade_foreground_removes_the_deployment_only_after_its_pods_and_replica_set()
    {
        await CreateDeploymentAsync("fore", 2);
        var from = (string)JsonNode.Parse(await cluster.Http.GetStringAsync("/apis/apps/v1/namespaces/default/deployments"))!["metadata"]!["resourceVersion"]!;
        await using var deployments = WatchClient.Open(cluster.Http, $"/apis/apps/v1/namespaces/default/deployments?watch=1&resourceVersion={from}&fieldSelector=metadata.name%3Dfore");
        await using var pods = WatchClient.Open(cluster.Http, $"/api/v1/namespaces/default/pods?watch=1&resourceVersion={from}&labelSelector=app%3Dfore");
        await using var replicaSets = WatchClient.Open(cluster.Http, $"/apis/apps/v1/namespaces/default/replicasets?watch=1&resourceVersion={from}&labelSelector=app%3Dfore");

        var deleted = await kubectl.RunAsync(null, "delete", "deployment", "fore", "--cascade=foreground", "--timeout=90s");
        Assert.True(deleted.ExitCode == 0, deleted.Errors);

        var deploymentEvents = await deployments.UntilAsync(e => (string?)e["type"] == "DELETED", Timeout);
        var marked = deploymentEvents.First(e => e["object"]!["metadata"]!["deletionTimestamp"] is not null);
        Assert.Equal("MODIFIED", (string?)marked["type"]);
        Assert.Contains("foregroundDeletion", marked["object"]!["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        var podGone = await DeletedVersionsAsync(pods, 2);
        var replicaSetGone = Assert.Single(await DeletedVersionsAsync(replicaSets, 1));
        var deploymentGone = Version(deploymentEvents[^1]);
        Assert.All(podGone, v => Assert.True(v < replicaSetGone, "a pod outlived its replica set"));
        Assert.True(replicaSetGone < deploymentGone, "the replica set outlived its deployment");
        Assert.Empty(await WorkloadApi.PodsAsync(cluster.Http, "app=fore"));
    }

    [Fact]
    public async Task A_foreground_delete_keeps_the_owner_readable_while_its_pods_stop()
    {
        await CreateDeploymentAsync("fore-api", 1);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/apis/apps/v1/namespaces/default/deployments/fore-api")
        {
            Content = new StringContent("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await cluster.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deleting = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(["foregroundDeletion"], deleting["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));

        await Eventually.TrueAsync(
            async () => await WorkloadApi.GetAsync<Deployment>(cluster.Http, "/apis/apps/v1/namespaces/default/deployments/fore-api") is null,
            Timeout,
            "the deployment to go after its pods");
        Assert.Empty(await WorkloadApi.PodsAsync(cluster.Http, "app=fore-api"));
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=fore-api"));
    }

    [Fact]
    public async Task A_background_delete_answers_at_once_and_its_dependents_go_after_it_even_across_a_gateway_crash()
    {
        await CreateDeploymentAsync("behind", 3);
        var rs = Assert.Single(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=behind"));

        using (var response = await cluster.Http.DeleteAsync("/apis/apps/v1/namespaces/default/deployments/behind"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Kubernetes' background deletion: the owner is gone when the call returns, its dependents follow it.
        Assert.Null(await WorkloadApi.GetAsync<Deployment>(cluster.Http, "/apis/apps/v1/namespaces/default/deployments/behind"));
        await cluster.RestartGatewayAsync(crash: true);

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=behind", 0, Timeout);
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=behind"));
        Assert.Null(await WorkloadApi.GetAsync<ReplicaSet>(cluster.Http, $"/apis/apps/v1/namespaces/default/replicasets/{rs.Metadata.Name}"));
    }

    [Fact]
    public async Task An_unknown_propagation_policy_is_refused_and_deletes_nothing()
    {
        await CreateDeploymentAsync("policy", 0);
        using (var response = await cluster.Http.DeleteAsync("/apis/apps/v1/namespaces/default/deployments/policy?propagationPolicy=Sideways"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("propagationPolicy", (string?)status["details"]!["causes"]![0]!["field"]);
            Assert.Contains("Unsupported value: \"Sideways\"", (string?)status["message"]);
        }

        Assert.NotNull(await WorkloadApi.GetAsync<Deployment>(cluster.Http, "/apis/apps/v1/namespaces/default/deployments/policy"));
        var bad = await kubectl.RunAsync(null, "delete", "deployment", "policy", "--cascade=sideways");
        Assert.NotEqual(0, bad.ExitCode);
        var deleted = await kubectl.RunAsync(null, "delete", "deployment", "policy", "--cascade=background");
        Assert.True(deleted.ExitCode == 0, deleted.Errors);
    }

    public void Dispose() => kubectl.Dispose();

    private async Task CreateDeploymentAsync(string name, int replicas)
    {
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, WorkloadManifests.Deployment(name, replicas));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, name, Timeout);
    }

    private static async Task<List<long>> DeletedVersionsAsync(WatchClient watch, int count)
    {
        var versions = new List<long>();
        while (versions.Count < count)
        {
            var deleted = await watch.UntilAsync(e => (string?)e["type"] == "DELETED", Timeout);
            versions.Add(Version(deleted[^1]));
        }

        return versions;
    }

    private static long Version(JsonObject change) => long.Parse((string)change["object"]!["metadata"]!["resourceVersion"]!);
}
