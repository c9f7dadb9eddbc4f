using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>The cluster knows which node holds which image, from the nodes' own pulls.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImageViewTests(PlatformCluster cluster)
{
    [Fact]
    public async Task After_a_pod_ran_its_image_is_listed_with_the_node_that_pulled_it()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("image-user", "true"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "image-user", PodPhases.Succeeded, TimeSpan.FromSeconds(60));

        var result = await Eventually.ValueAsync(
            async () => await cluster.Cli.RunAsync(null, "get", "images") is { ExitCode: 0 } listed && listed.Output.Contains(PlatformCluster.NodeName, StringComparison.Ordinal) ? listed : null,
            TimeSpan.FromSeconds(30),
            "the image to be listed with its node");

        Assert.Matches(@"^NAME\s+DIGEST\s+SIZE\s+LAYERS\s+NODES\n", result.Output);
        Assert.Matches($@"(?m)^127\.0\.0\.1:\d+/busybox:latest\s+[0-9a-f]{{12}}\s+\S+B\s+1\s+{PlatformCluster.NodeName}$", result.Output);
    }
}
