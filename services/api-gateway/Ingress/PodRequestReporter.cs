using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Metrics;
using Yarp.ReverseProxy.Configuration;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// Once a second, tells each pod's metrics grain how many requests the ingress has sent it so far (a
/// cumulative counter; the grain turns it into requests per second for the autoscaler). Every pod in
/// rotation is reported, also one that has had no request yet (its total is 0), so an idle ready pod reads
/// as 0 requests per second rather than as a pod without a metric. A pod no longer behind any Service is
/// reported a last time and forgotten.
/// </summary>
public sealed partial class PodRequestReporter(
    IGrainFactory grains,
    IngressMetrics metrics,
    IProxyConfigProvider proxy,
    TimeProvider time,
    ILogger<PodRequestReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReportAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    private async Task ReportAsync()
    {
        var now = time.GetUtcNow();
        var routed = proxy.GetConfig().Clusters.SelectMany(c => c.Destinations?.Keys ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var pod in routed)
        {
            metrics.TrackPod(pod);
        }

        foreach (var (pod, total) in metrics.PodTotals())
        {
            var (ns, name) = GrainKeys.ParsePod(pod);
            await grains.GetGrain<IPodMetricsGrain>(GrainKeys.Pod(ns, name)).RecordRequests(new PodRequestSample(now, total));
            if (!routed.Contains(pod))
            {
                metrics.Forget(pod);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Ingress: reporting request counts to pods' metrics failed; the next tick retries")]
    private partial void LogFailed(Exception e);
}
