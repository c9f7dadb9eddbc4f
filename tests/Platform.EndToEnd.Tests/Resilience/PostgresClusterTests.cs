using System.Net;
using System.Net.Http.Headers;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Resilience;

/// <summary>A cluster whose control plane keeps its membership and state in PostgreSQL.</summary>
public sealed class PostgresCluster : PlatformCluster
{
    public PostgresCluster()
        : base(new PlatformClusterOptions { PostgresStorage = true })
    {
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres-cluster";
}

/// <summary>Two gateways share one control plane through PostgreSQL; its state survives a gateway restart.</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_second_gateway_serves_the_same_objects_and_the_state_survives_a_restart()
    {
        using (var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("shared", 2)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var deployment = await WorkloadApi.WaitForRolloutAsync(cluster.Http, "shared", Timeout);

        var secondUrl = await cluster.StartExtraGatewayAsync("api-gateway-2");
        using var second = new HttpClient { BaseAddress = secondUrl, Timeout = TimeSpan.FromSeconds(30) };
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.Token);
        var seen = await WorkloadApi.GetAsync<Deployment>(second, "/apis/apps/v1/namespaces/default/deployments/shared");
        Assert.Equal(deployment.Metadata.Uid, seen!.Metadata.Uid);
        Assert.Equal(2, (await WorkloadApi.PodsAsync(second, "app=shared")).Count);

        // A write through the second gateway is seen by the first: one cluster, not two copies.
        using (var scaled = await WorkloadApi.PatchAsync(second, "/apis/apps/v1/namespaces/default/deployments/shared/scale", """{"spec":{"replicas":3}}""", "application/merge-patch+json"))
        {
            Assert.Equal(HttpStatusCode.OK, scaled.StatusCode);
        }

        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "shared", Timeout);
        await cluster.StopServiceAsync("api-gateway-2");

        await cluster.RestartGatewayAsync();

        var restored = await WorkloadApi.WaitForRolloutAsync(cluster.Http, "shared", Timeout);
        Assert.Equal(deployment.Metadata.Uid, restored.Metadata.Uid);
        Assert.Equal(3, restored.Spec.Replicas);
        var pods = await WorkloadApi.PodsAsync(cluster.Http, "app=shared");
        Assert.Equal(3, pods.Count(p => p.Status?.Phase == PodPhases.Running));

        using (await cluster.Http.DeleteAsync("/apis/apps/v1/namespaces/default/deployments/shared"))
        {
        }

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=shared", 0, Timeout);
    }
}
