using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Workloads;

[Collection(ClusterCollection.Name)]
public sealed class DeploymentTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_deployment_runs_its_replicas_through_one_owned_replica_set_and_replaces_a_deleted_pod()
    {
        using var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("heal", 3));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deployment = await WorkloadApi.WaitForRolloutAsync(cluster.Http, "heal", Timeout);
        Assert.Equal("1", deployment.Metadata.Annotations!["deployment.kubernetes.io/revision"]);

        var replicaSet = Assert.Single(await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=heal"));
        Assert.Equal(deployment.Metadata.Uid, replicaSet.Metadata.OwnerReferences!.Single().Uid);
        var pods = await WorkloadApi.PodsAsync(cluster.Http, "app=heal");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal(replicaSet.Metadata.Uid, p.Metadata.OwnerReferences!.Single().Uid));
        Assert.All(pods, p => Assert.StartsWith(replicaSet.Metadata.Name + "-", p.Metadata.Name));

        var victim = pods[0].Metadata.Name!;
        using (await cluster.Http.DeleteAsync($"/api/v1/namespaces/default/pods/{victim}"))
        {
        }

        await Eventually.TrueAsync(async () =>
        {
            var now = await WorkloadApi.PodsAsync(cluster.Http, "app=heal");
            return now.Count(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase == PodPhases.Running) == 3
                && now.All(p => p.Metadata.Name != victim);
        }, Timeout, "a replacement for the deleted pod");

        await DeleteAndWaitAsync("heal");
    }

    [Fact]
    public async Task A_rolling_update_never_drops_below_the_availability_floor_and_can_be_rolled_back()
    {
        using (var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("roll", 3, "v1", maxSurge: 1, maxUnavailable: 1)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var before = await WorkloadApi.WaitForRolloutAsync(cluster.Http, "roll", Timeout);
        await using var watch = WatchClient.Open(cluster.Http,
            $"{WorkloadApi.Deployments}?watch=1&fieldSelector=metadata.name=roll&resourceVersion={before.Metadata.ResourceVersion}");
        using (var updated = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Put, $"{WorkloadApi.Deployments}/roll", WorkloadManifests.Deployment("roll", 3, "v2", maxSurge: 1, maxUnavailable: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        // Every state the Deployment passed through, from the update to the end of the rollout.
        var states = await watch.UntilAsync(e => IsComplete(e, generation: 2), Timeout);
        foreach (var state in states.Select(e => e["object"]!["status"]!))
        {
            Assert.True((int?)state["availableReplicas"] >= 2, $"fewer than replicas - maxUnavailable available: {state.ToJsonString()}");
            Assert.True(((int?)state["replicas"] ?? 0) <= 4, $"more than replicas + maxSurge pods: {state.ToJsonString()}");
        }

        var sets = await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=roll");
        Assert.Equal(2, sets.Count);
        var current = sets.Single(s => s.Spec.Replicas == 3);
        Assert.Equal("2", current.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        // Old pods may still be terminating when the rollout is complete; every pod that stays runs the new template.
        var staying = (await WorkloadApi.PodsAsync(cluster.Http, "app=roll")).Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(3, staying.Count);
        Assert.All(staying, p => Assert.Equal("v2", p.Spec.Containers[0].Env![0].Value));

        // Rolling back: the old template again makes the old replica set the newest revision.
        using (var undo = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Put, $"{WorkloadApi.Deployments}/roll", WorkloadManifests.Deployment("roll", 3, "v1", maxSurge: 1, maxUnavailable: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        }

        await watch.UntilAsync(e => IsComplete(e, generation: 3), Timeout);
        var revived = (await WorkloadApi.ReplicaSetsAsync(cluster.Http, "app=roll")).Single(s => s.Spec.Replicas == 3);
        Assert.Equal(sets.Single(s => s.Spec.Replicas == 0).Metadata.Name, revived.Metadata.Name);
        Assert.Equal("3", revived.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        await DeleteAndWaitAsync("roll");
    }

    [Fact]
    public async Task Scaling_through_the_scale_subresource_adds_and_removes_pods()
    {
        using (var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("scaled", 1)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "scaled", Timeout);
        using (var up = await WorkloadApi.PatchAsync(cluster.Http, $"{WorkloadApi.Deployments}/scaled/scale", """{"spec":{"replicas":4}}""", "application/merge-patch+json"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
            var scale = JsonNode.Parse(await up.Content.ReadAsStringAsync())!;
            Assert.Equal("Scale", (string?)scale["kind"]);
            Assert.Equal(4, (int?)scale["spec"]!["replicas"]);
        }

        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "scaled", Timeout);
        Assert.Equal(4, (await WorkloadApi.PodsAsync(cluster.Http, "app=scaled")).Count(p => p.Metadata.DeletionTimestamp is null));

        using (var down = await WorkloadApi.PatchAsync(cluster.Http, $"{WorkloadApi.Deployments}/scaled/scale", """{"spec":{"replicas":0}}""", "application/merge-patch+json"))
        {
            Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        }

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=scaled", 0, Timeout);
        using var negative = await WorkloadApi.PatchAsync(cluster.Http, $"{WorkloadApi.Deployments}/scaled/scale", """{"spec":{"replicas":-1}}""", "application/merge-patch+json");
        Assert.Equal((HttpStatusCode)422, negative.StatusCode);
        await DeleteAndWaitAsync("scaled");
    }

    private static bool IsComplete(JsonObject change, int generation)
    {
        var item = change["object"]!;
        var status = item["status"];
        return (long?)status?["observedGeneration"] >= generation
            && (int?)status?["updatedReplicas"] == 3 && (int?)status?["replicas"] == 3 && (int?)status?["availableReplicas"] == 3;
    }

    private async Task DeleteAndWaitAsync(string name)
    {
        using (var deleted = await cluster.Http.DeleteAsync($"{WorkloadApi.Deployments}/{name}"))
        {
            Assert.True(deleted.IsSuccessStatusCode, $"delete gave {deleted.StatusCode}");
        }

        Assert.Null(await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/{name}"));
        // The garbage collector deletes the ReplicaSet after the Deployment, and the pods after the ReplicaSet.
        await WorkloadApi.WaitForPodCountAsync(cluster.Http, $"app={name}", 0, Timeout);
        Assert.Empty(await WorkloadApi.ReplicaSetsAsync(cluster.Http, $"app={name}"));
    }
}
