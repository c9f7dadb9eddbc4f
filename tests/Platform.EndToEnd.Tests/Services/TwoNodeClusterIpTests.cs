using System.Net;
using System.Text.RegularExpressions;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Services;

/// <summary>A cluster of its own, to which a second node agent with its own bridge and pod subnet joins.</summary>
[CollectionDefinition(Name)]
public sealed class TwoNodeCollection : ICollectionFixture<PlatformCluster>
{
    public const string Name = "two-node-cluster-ip";
}

/// <summary>
/// Cluster IPs with two node agents on one machine, as `PLATFORM_NODES=2 ./platform up` runs them: one agent holds
/// each service port on the host for both nodes, and a client pod on either node reaches the Service by name and
/// by cluster IP, answered by the web pods on both nodes. The web pods are two Deployments of one app, each pinned
/// to a node: the scheduler's spread score alone does not split four pods over a node that has the image cached
/// and one that has not (seen here: all four on the first node).
/// </summary>
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeClusterIpTests(PlatformCluster cluster)
{
    private const string Services = "/api/v1/namespaces/default/services";
    private const string SecondNode = "e2e-node-2";
    private const string Web = "xn-web";
    private const int ReplicasPerNode = 2;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Clients_on_both_nodes_reach_the_service_by_name_and_cluster_ip_served_by_pods_on_both_nodes()
    {
        await cluster.StartExtraNodeAgentAsync(SecondNode, ownNetwork: true);
        await Eventually.TrueAsync(() => ClusterApi.IsNodeReadyAsync(cluster.Http, SecondNode), Timeout, "the second node to become Ready");
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(Web, Web));
        var nodes = new Dictionary<string, (string Client, string Deployment)>
        {
            [PlatformCluster.NodeName] = ("xn-client-1", $"{Web}-1"),
            [SecondNode] = ("xn-client-2", $"{Web}-2"),
        };
        foreach (var (node, (client, deployment)) in nodes)
        {
            await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, WebOn(deployment, node));
            Assert.Equal(0, (await cluster.Cli.RunAsync(ClientOn(client, node), "apply", "-f", "-")).ExitCode);
        }

        foreach (var (_, deployment) in nodes.Values)
        {
            await WorkloadApi.WaitForRolloutAsync(cluster.Http, deployment, Timeout);
        }

        var nodeOfPod = await ReadyPodsAsync();

        // The web pods run on both nodes, each in its node's own pod subnet.
        Assert.Equal([PlatformCluster.NodeName, SecondNode], nodeOfPod.Values.Select(p => p.Node).Distinct().Order());
        Assert.All(nodeOfPod.Values, p => Assert.True(InSubnet(p.Ip, cluster.PodSubnetOf(p.Node)), $"{p.Ip} of a pod on {p.Node} is outside {cluster.PodSubnetOf(p.Node)}"));
        var clusterIp = (await WorkloadApi.GetAsync<Service>(cluster.Http, $"{Services}/{Web}"))!.Spec.ClusterIP!;

        foreach (var (node, (client, _)) in nodes)
        {
            await ClusterApi.WaitForPhaseAsync(cluster.Http, client, PodPhases.Running, Timeout);
            foreach (var url in new[] { $"http://{Web}/", $"http://{clusterIp}/" })
            {
                var answers = await AnswersAsync(client, url);
                Assert.All(answers, answer => Assert.Contains(answer, nodeOfPod.Keys));
                var servingNodes = answers.Select(answer => nodeOfPod[answer].Node).Distinct().Order();
                Assert.True(
                    servingNodes.SequenceEqual([PlatformCluster.NodeName, SecondNode]),
                    $"{client} on {node}: {url} was answered only by pods on {string.Join(", ", servingNodes)} ({string.Join(", ", answers)})");
            }
        }

        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{Web}");
        foreach (var (client, deployment) in nodes.Values)
        {
            await WorkloadApi.DeleteAsync(cluster.Http, $"{WorkloadApi.Deployments}/{deployment}");
            await cluster.Cli.RunAsync(null, "delete", "pod", client);
        }

        await WorkloadApi.WaitForPodCountAsync(cluster.Http, $"app={Web}", 0, Timeout);
        await cluster.StopExtraNodeAgentAsync(SecondNode, crash: false);
    }

    /// <summary>busybox httpd pods serving their names (as <see cref="ServiceManifests.WebDeployment"/>), pinned to a node.</summary>
    private static string WebOn(string deployment, string node) =>
        Regex.Replace(ServiceManifests.WebDeployment(deployment, ReplicasPerNode), $"(?m)^( *)app: {deployment}$", $"$1app: {Web}\n$1part: {deployment}")
            .Replace("    spec:\n      terminationGracePeriodSeconds", $"    spec:\n      nodeSelector:\n        kubernetes.io/hostname: {node}\n      terminationGracePeriodSeconds", StringComparison.Ordinal);

    /// <summary>A busybox pod pinned to a node that stays up, to run wget in with exec.</summary>
    private static string ClientOn(string name, string node) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          terminationGracePeriodSeconds: 1
          nodeSelector:
            kubernetes.io/hostname: {node}
          containers:
            - name: main
              image: busybox:latest
              command: ["sh", "-c", "sleep 3600"]
              resources:
                requests:
                  cpu: 10m
                  memory: 4Mi
        """;

    /// <summary>The Deployment's ready pods: name → node and IP.</summary>
    private Task<Dictionary<string, (string Node, string Ip)>> ReadyPodsAsync() =>
        Eventually.ValueAsync(async () =>
        {
            var pods = (await WorkloadApi.PodsAsync(cluster.Http, $"app={Web}"))
                .Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                .ToDictionary(p => p.Metadata.Name!, p => (p.Spec.NodeName!, p.Status!.PodIP!));
            return pods.Count == 2 * ReplicasPerNode ? pods : null;
        }, Timeout, $"{2 * ReplicasPerNode} ready pods of {Web}");

    /// <summary>
    /// The pages of several requests through the service (each names the pod that served it), once the first one is
    /// answered: round robin over the ready endpoints reaches every one of them within two rounds.
    /// </summary>
    private async Task<List<string>> AnswersAsync(string client, string url)
    {
        var answers = new List<string> { await Eventually.ValueAsync(() => FetchOrNullAsync(client, url), Timeout, $"{url} from {client}") };
        for (var i = 1; i < 4 * ReplicasPerNode; i++)
        {
            answers.Add(await FetchOrNullAsync(client, url) ?? "(failed)");
        }

        return answers;
    }

    /// <summary>wget in the client pod, bounded by busybox's timeout applet: the page's first line, or null when it failed.</summary>
    private async Task<string?> FetchOrNullAsync(string client, string url)
    {
        var result = await cluster.Cli.RunAsync(null, "exec", client, "--", "timeout", "10", "wget", "-q", "-O", "-", url);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    private static bool InSubnet(string ip, string subnet) => IPNetwork.Parse(subnet).Contains(IPAddress.Parse(ip));
}
