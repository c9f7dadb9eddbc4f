using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Autoscaling;

/// <summary>
/// The autoscaler driven by measured CPU: a pod told to burn CPU (a file in its container, created through exec; its
/// CPU limit keeps the burn to a fifth of a core and the loop ends by itself after a minute) makes the autoscaler add
/// pods; once it stops, the replicas fall back after the (shortened) scale-down stabilisation window.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CpuAutoscalingTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Cpu_load_scales_a_deployment_out_and_its_end_scales_it_back_in()
    {
        await ApplyAsync(AutoscalingManifests.CpuBurner("hpa-cpu"));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "hpa-cpu", Timeout);
        await ApplyAsync(AutoscalingManifests.Autoscaler("hpa-cpu", min: 1, max: 4, cpuPercent: 50, scaleDownWindowSeconds: 10));
        await Eventually.TrueAsync(
            async () => (await Autoscaler())?.Status?.Conditions?.Any(c => c is { Type: "ScalingActive", Status: "True" }) == true,
            Timeout, "the autoscaler to read the pods' CPU (ScalingActive=True)");

        var burner = Assert.Single(await WorkloadApi.PodsAsync(cluster.Http, "app=hpa-cpu")).Metadata.Name!;
        await ExecAsync(burner, "touch", "/tmp/burn");
        var scaledOut = await Eventually.ValueAsync(
            async () => await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/hpa-cpu") is { Spec.Replicas: > 1 } d ? d : null,
            Timeout, "the autoscaler to add pods under load");
        Assert.InRange(scaledOut.Spec.Replicas!.Value, 2, 4);
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "hpa-cpu", Timeout);
        var describe = await cluster.Cli.RunAsync(null, "describe", "hpa", "hpa-cpu");
        Assert.Matches(@"SuccessfulRescale\s+.*reason: cpu resource utilization \(percentage of request\) above target", describe.Output);

        await ExecAsync(burner, "rm", "-f", "/tmp/burn");
        await Eventually.TrueAsync(
            async () => (await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/hpa-cpu"))?.Spec.Replicas == 1,
            Timeout, "the autoscaler to remove the pods once the load stopped");
        describe = await cluster.Cli.RunAsync(null, "describe", "hpa", "hpa-cpu");
        Assert.Matches(@"SuccessfulRescale\s+.*New size: 1; reason: All metrics below target", describe.Output);

        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "hpa", "hpa-cpu")).ExitCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "hpa-cpu")).ExitCode);
    }

    private Task<HorizontalPodAutoscaler?> Autoscaler() =>
        WorkloadApi.GetAsync<HorizontalPodAutoscaler>(cluster.Http, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/hpa-cpu");

    private async Task ExecAsync(string pod, params string[] command)
    {
        var result = await cluster.Cli.RunAsync(null, ["exec", pod, "--", .. command]);
        Assert.True(result.ExitCode == 0, $"exec {string.Join(' ', command)}: {result.Errors}");
    }

    private async Task ApplyAsync(string yaml)
    {
        var result = await cluster.Cli.RunAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Errors);
    }
}
