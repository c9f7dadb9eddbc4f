using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Resilience;

/// <summary>A cluster of its own: a second node joins, runs part of a Deployment, and is lost.</summary>
[CollectionDefinition(Name)]
public sealed class NodeLossCollection : ICollectionFixture<PlatformCluster>
{
    public const string Name = "node-loss";
}

[Collection(NodeLossCollection.Name)]
public sealed class NodeLossTests(PlatformCluster cluster)
{
    private const string LostNode = "e2e-lost-node";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Pods_of_a_lost_node_come_back_on_a_healthy_node_and_the_node_stops_them_when_it_returns()
    {
        await cluster.StartExtraNodeAgentAsync(LostNode);
        await Eventually.TrueAsync(() => ClusterApi.IsNodeReadyAsync(cluster.Http, LostNode), Timeout, "the second node to become Ready");
        using (var created = await WorkloadApi.SendYamlAsync(cluster.Http, HttpMethod.Post, WorkloadApi.Deployments, WorkloadManifests.Deployment("spread", 4)))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "spread", Timeout);
        var before = await WorkloadApi.PodsAsync(cluster.Http, "app=spread");
        var lost = before.Where(p => p.Spec.NodeName == LostNode).Select(p => p.Metadata.Name!).ToList();
        var lostUids = before.Where(p => p.Spec.NodeName == LostNode).Select(p => p.Metadata.Uid!).ToList();
        Assert.NotEmpty(lost); // the spread score puts pods of one Deployment on both nodes

        await cluster.StopExtraNodeAgentAsync(LostNode, crash: true);
        await Eventually.TrueAsync(async () => !await ClusterApi.IsNodeReadyAsync(cluster.Http, LostNode), Timeout, "the lost node to turn NotReady");

        // Its pods are given up on (NodeLost) and replaced on the healthy node.
        var after = await Eventually.ValueAsync(async () =>
        {
            var pods = await WorkloadApi.PodsAsync(cluster.Http, "app=spread");
            var running = pods.Where(p => p.Spec.NodeName == PlatformCluster.NodeName && p.Status?.Phase == PodPhases.Running && p.Metadata.DeletionTimestamp is null).ToList();
            return running.Count == 4 && pods.All(p => !lost.Contains(p.Metadata.Name!)) ? pods : null;
        }, Timeout, "four running replicas on the healthy node and none of the lost pods left");
        Assert.All(after, p => Assert.Equal(PlatformCluster.NodeName, p.Spec.NodeName));

        // The node comes back still running the old containers: it is told to stop them.
        await cluster.StartExtraNodeAgentAsync(LostNode);
        await Eventually.TrueAsync(() => ClusterApi.IsNodeReadyAsync(cluster.Http, LostNode), Timeout, "the node to come back");
        await Eventually.TrueAsync(
            () => Task.FromResult(!ProcessesInCgroupsOf(lostUids).Any()),
            Timeout, "the returned node to stop the containers of the pods that were recreated elsewhere");

        using (await cluster.Http.DeleteAsync($"{WorkloadApi.Deployments}/spread"))
        {
        }

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=spread", 0, Timeout);
        await cluster.StopExtraNodeAgentAsync(LostNode, crash: false);
    }

    /// <summary>Processes whose cgroup path names one of the pods (a container's cgroup is platform/&lt;pod uid&gt;-&lt;container&gt;).</summary>
    private static IEnumerable<int> ProcessesInCgroupsOf(IReadOnlyList<string> podUids)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string cgroups;
            try
            {
                cgroups = File.ReadAllText(Path.Combine(directory, "cgroup"));
            }
            catch (IOException)
            {
                continue;
            }

            if (podUids.Any(uid => cgroups.Contains(uid, StringComparison.Ordinal)))
            {
                yield return pid;
            }
        }
    }
}
