using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

[Collection(ClusterCollection.Name)]
public sealed class ApplyTests(PlatformCluster cluster)
{
    [Fact]
    public async Task Reapplying_the_same_manifest_changes_nothing()
    {
        var manifest = Manifests.Pod("reapplied", "echo once");
        await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");
        var first = await ClusterApi.WaitForPhaseAsync(cluster.Http, "reapplied", PodPhases.Succeeded, TimeSpan.FromSeconds(60));

        var again = await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("pod/reapplied unchanged\n", again.Output);
        var after = await ClusterApi.GetPodAsync(cluster.Http, "reapplied");
        Assert.Equal(first.Metadata.Uid, after!.Metadata.Uid);
        Assert.Equal(first.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Changing_the_spec_of_an_existing_pod_is_refused_and_the_pod_keeps_its_spec()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("immutable", "echo original"), "apply", "-f", "-");
        var before = await ClusterApi.GetPodAsync(cluster.Http, "immutable");

        var changed = await cluster.Cli.RunAsync(Manifests.Pod("immutable", "echo changed"), "apply", "-f", "-");

        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("pod updates may not change fields other than metadata labels and annotations", changed.Errors, StringComparison.Ordinal);
        var after = await ClusterApi.GetPodAsync(cluster.Http, "immutable");
        Assert.Equal("echo original", after!.Spec.Containers.Single().Command![2]);
        Assert.Equal(before!.Metadata.Uid, after.Metadata.Uid);
    }
}
