using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Autoscaling;

/// <summary>
/// HorizontalPodAutoscalers on a real cluster: created by platformctl and kubectl autoscale, read back by get and
/// describe from both, refused with field paths, and their controller moving a Deployment into its bounds.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AutoscalerTests(PlatformCluster cluster) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);

    [Fact]
    public async Task Autoscale_raises_a_deployment_to_its_minimum_and_describe_shows_why()
    {
        await ApplyAsync(WorkloadManifests.Deployment("hpa-min", 1));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "hpa-min", Timeout);

        var autoscale = await cluster.Cli.RunAsync(null, "autoscale", "deployment", "hpa-min", "--min", "2", "--max", "3", "--cpu-percent", "50");
        Assert.Equal("horizontalpodautoscaler.autoscaling/hpa-min autoscaled\n", autoscale.Output);

        await Eventually.TrueAsync(
            async () => (await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/hpa-min"))?.Spec.Replicas == 2,
            Timeout, "the autoscaler to raise hpa-min to its minimum of 2");
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "hpa-min", Timeout);
        var hpa = await Eventually.ValueAsync(
            async () => await WorkloadApi.GetAsync<HorizontalPodAutoscaler>(cluster.Http, Path("hpa-min")) is { Status.CurrentReplicas: 2 } h ? h : null,
            Timeout, "the autoscaler's status to count 2 replicas");
        Assert.NotNull(hpa.Status!.LastScaleTime);

        var get = await cluster.Cli.RunAsync(null, "get", "hpa");
        Assert.Matches(@"^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\n", get.Output);
        Assert.Matches(@"(?m)^hpa-min\s+Deployment/hpa-min\s+cpu: \S+/50%\s+2\s+3\s+2\s+\S+$", get.Output);

        var describe = await cluster.Cli.RunAsync(null, "describe", "hpa", "hpa-min");
        Assert.Contains("resource cpu on pods  (as a percentage of request):", describe.Output);
        Assert.Matches(@"Normal\s+SuccessfulRescale\s+.*New size: 2; reason: Current number of replicas below Spec.MinReplicas", describe.Output);
        Assert.Matches(@"(?m)^Deployment pods:\s+2 current / 2 desired$", describe.Output);

        var kubeGet = await kubectl.RunAsync(null, "get", "hpa", "hpa-min");
        Assert.Matches(@"(?m)^hpa-min\s+Deployment/hpa-min\s+cpu: \S+/50%\s+2\s+3\s+2\s+\S+$", kubeGet.Output);
        var kubeDescribe = await kubectl.RunAsync(null, "describe", "hpa", "hpa-min");
        Assert.True(kubeDescribe.ExitCode == 0, kubeDescribe.Errors);
        Assert.Matches(@"Min replicas:\s+2", kubeDescribe.Output);
        Assert.Matches(@"SuccessfulRescale\s+.*New size: 2; reason: Current number of replicas below Spec.MinReplicas", kubeDescribe.Output);

        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "hpa", "hpa-min")).ExitCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "hpa-min")).ExitCode);
    }

    [Fact]
    public async Task Kubectl_autoscale_creates_the_same_object()
    {
        await ApplyAsync(WorkloadManifests.Deployment("hpa-kube", 1));

        var result = await kubectl.RunAsync(null, "autoscale", "deployment", "hpa-kube", "--max=4", "--cpu-percent=60");
        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("horizontalpodautoscaler.autoscaling/hpa-kube autoscaled\n", result.Output);

        var hpa = await WorkloadApi.GetAsync<HorizontalPodAutoscaler>(cluster.Http, Path("hpa-kube"));
        Assert.Equal(("Deployment", "hpa-kube", 1, 4), (hpa!.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name, hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal(60, Assert.Single(hpa.Spec.Metrics!).Resource!.Target.AverageUtilization);
        Assert.Equal(300, hpa.Spec.Behavior!.ScaleDown!.StabilizationWindowSeconds);

        Assert.Equal(0, (await kubectl.RunAsync(null, "delete", "hpa", "hpa-kube")).ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.GetAsync(Path("hpa-kube"))).StatusCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "hpa-kube")).ExitCode);
    }

    [Fact]
    public async Task An_invalid_autoscaler_is_refused_with_its_field_path()
    {
        var result = await cluster.Cli.RunAsync("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: hpa-bad
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 0
              maxReplicas: 3
            """, "apply", "-f", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error from server (Invalid): HorizontalPodAutoscaler \"hpa-bad\" is invalid: spec.minReplicas: Invalid value: \"0\": must be greater than or equal to 1\n",
            result.Errors);
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.GetAsync(Path("hpa-bad"))).StatusCode);
    }

    public void Dispose() => kubectl.Dispose();

    private static string Path(string name) => $"/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/{name}";

    private async Task ApplyAsync(string yaml)
    {
        var result = await cluster.Cli.RunAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Errors);
    }
}
