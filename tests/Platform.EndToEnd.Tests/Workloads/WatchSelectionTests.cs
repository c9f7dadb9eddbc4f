using System.Net;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>
/// A watch with a label selector, as the Kubernetes API server serves it: an object whose labels stop matching leaves
/// the watch with DELETED, one that starts matching enters it with ADDED, and changes outside it are not sent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WatchSelectionTests(PlatformCluster cluster)
{
    private const string MergePatch = "application/merge-patch+json";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pod_relabelled_out_of_and_back_into_a_selector_leaves_and_reenters_the_watch()
    {
        const string path = "/api/v1/namespaces/default/pods/selected";
        var manifest = Manifests.Pod("selected", "sleep 3600").Replace("test: e2e", "watch-case: inside");
        Assert.Equal(0, (await cluster.Cli.RunAsync(manifest, "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "selected", Platform.Api.Model.PodPhases.Running, Timeout);
        var from = (string)JsonNode.Parse(await cluster.Http.GetStringAsync("/api/v1/namespaces/default/pods"))!["metadata"]!["resourceVersion"]!;

        // One watch starts with the list (no resourceVersion), the other replays from a version.
        await using var listed = WatchClient.Open(cluster.Http, "/api/v1/namespaces/default/pods?watch=1&labelSelector=watch-case%3Dinside");
        await using var resumed = WatchClient.Open(cluster.Http, $"/api/v1/namespaces/default/pods?watch=1&resourceVersion={from}&labelSelector=watch-case%3Dinside");
        var first = await listed.NextAsync(Timeout);
        Assert.Equal("ADDED", (string?)first?["type"]);

        await RelabelAsync(path, "outside");
        await RelabelAsync(path, "elsewhere");
        await RelabelAsync(path, "inside");
        using (await cluster.Http.DeleteAsync(path))
        {
        }

        foreach (var watch in new[] { listed, resumed })
        {
            var events = await watch.UntilAsync(e => (string?)e["type"] == "DELETED" && e["object"]!["metadata"]!["deletionTimestamp"] is not null, Timeout);
            var types = events.Select(e => (string?)e["type"]).ToList();
            var left = types.IndexOf("DELETED");
            Assert.All(types.Take(left), t => Assert.Equal("MODIFIED", t));
            Assert.Equal("inside", (string?)events[left]["object"]!["metadata"]!["labels"]!["watch-case"]);
            Assert.Equal("ADDED", types[left + 1]);
            Assert.Equal("inside", (string?)events[left + 1]["object"]!["metadata"]!["labels"]!["watch-case"]);
            Assert.All(types.Skip(left + 2).SkipLast(1), t => Assert.Equal("MODIFIED", t));
            var versions = events.Select(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!)).ToList();
            Assert.Equal(versions.Order(), versions);
        }
    }

    private async Task RelabelAsync(string path, string value)
    {
        using var response = await WorkloadApi.PatchAsync(cluster.Http, path, $$$$"""{"metadata":{"labels":{"watch-case":"{{{{value}}}}"}}}""", MergePatch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
