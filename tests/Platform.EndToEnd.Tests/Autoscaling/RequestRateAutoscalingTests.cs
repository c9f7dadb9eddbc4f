using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Services;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Autoscaling;

/// <summary>
/// The autoscaler driven by the Pods metric requests_per_second, which the ingress counts per pod: a busybox httpd
/// Deployment behind a Service, load from hey through <c>/apps/default/&lt;service&gt;/</c> on loopback makes the
/// autoscaler add pods; once the load stops, the replicas fall back after the (shortened) scale-down window.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestRateAutoscalingTests(PlatformCluster cluster)
{
    private const string Name = "hpa-rps";
    private const string Services = "/api/v1/namespaces/default/services";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Request_rate_through_the_ingress_scales_a_deployment_out_and_its_end_scales_it_back_in()
    {
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(Name, Name));
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, ServiceManifests.WebDeployment(Name, 1));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, Name, Timeout);
        await ApplyAsync(AutoscalingManifests.RequestRateAutoscaler(Name, min: 1, max: 3, averageValue: "10", scaleDownWindowSeconds: 10));

        // The idle pod is in rotation, so the ingress reports it (0 requests so far) and the metric reads 0, not missing.
        var idle = await Eventually.ValueAsync(
            async () => await Autoscaler() is { Status.Conditions: { } c } h && c.Any(x => x is { Type: "ScalingActive", Status: "True" }) ? h : null,
            Timeout, "the autoscaler to read the pod's requests_per_second (ScalingActive=True)");
        Assert.Equal(("requests_per_second", "0"), (idle.Status!.CurrentMetrics![0].Pods!.Metric.Name, idle.Status.CurrentMetrics[0].Pods!.Current.AverageValue));
        Assert.Equal(1, idle.Status.DesiredReplicas);

        // About 40 requests per second in all (4 workers at 10 each) against a target of 10 per pod.
        var load = HeyLoad.Start(new Uri(cluster.GatewayUrl, $"/apps/default/{Name}/"), workers: 4, ratePerWorker: 10);
        await using (load)
        {
            var scaledOut = await Eventually.ValueAsync(
                async () => await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/{Name}") is { Spec.Replicas: > 1 } d ? d : null,
                Timeout, "the autoscaler to add pods under load");
            Assert.InRange(scaledOut.Spec.Replicas!.Value, 2, 3);
            await WorkloadApi.WaitForRolloutAsync(cluster.Http, Name, Timeout);
            var describe = await cluster.Cli.RunAsync(null, "describe", "hpa", Name);
            Assert.Matches(@"SuccessfulRescale\s+.*reason: pods metric requests_per_second above target", describe.Output);
            Assert.Matches(@"""requests_per_second"" on pods:\s+\d+(m|\.\d+)? / 10", describe.Output);
        }

        var summary = string.Join("\n", load.Summaries);
        Assert.Contains("[200]", summary, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () => (await WorkloadApi.GetAsync<Deployment>(cluster.Http, $"{WorkloadApi.Deployments}/{Name}"))?.Spec.Replicas == 1,
            Timeout, "the autoscaler to remove the pods once the load stopped");
        var after = await cluster.Cli.RunAsync(null, "describe", "hpa", Name);
        Assert.Matches(@"SuccessfulRescale\s+.*New size: 1; reason: All metrics below target", after.Output);

        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "hpa", Name)).ExitCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", Name)).ExitCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "service", Name)).ExitCode);
    }

    private Task<HorizontalPodAutoscaler?> Autoscaler() =>
        WorkloadApi.GetAsync<HorizontalPodAutoscaler>(cluster.Http, $"/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/{Name}");

    private async Task ApplyAsync(string yaml)
    {
        var result = await cluster.Cli.RunAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Errors);
    }
}
