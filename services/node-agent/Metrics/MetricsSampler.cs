using MassTransit;
using Platform.Cgroups;
using Platform.Contracts;
using Platform.Messaging;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Metrics;

/// <summary>
/// Every PLATFORM_METRICS_INTERVAL_MS, reads the node's and each running pod's usage, keeps it for /metrics and
/// publishes it to the control plane as a transient message that expires after a few intervals: a sample nobody
/// took in time is worth nothing once the next one exists.
/// </summary>
public sealed partial class MetricsSampler(
    IBus bus,
    NodeAgentSettings settings,
    PodSupervisor pods,
    NodeAgentMetrics metrics,
    TimeProvider time,
    ILogger<MetricsSampler> logger) : BackgroundService
{
    private readonly PodSampler sampler = new(CgroupHierarchy.Detect());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.MetricsInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var sample = await SampleAsync(stoppingToken);
                metrics.Update(sample);
                await bus.PublishWithin(sample, BoundedDelivery.DefaultTimeout, stoppingToken, context =>
                {
                    context.Durable = false;
                    context.TimeToLive = settings.MetricsInterval * 3;
                });
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSampleFailed(e);
            }
        }
    }

    public async Task<NodeMetricsSampled> SampleAsync(CancellationToken cancellationToken)
    {
        var (cpu, memory) = await HostUsage.ReadAsync(cancellationToken);
        var podSamples = pods.ActivePods().Select(sampler.Sample).ToList();
        return new NodeMetricsSampled(settings.NodeName, time.GetUtcNow(), cpu, memory, podSamples);
    }

    [LoggerMessage(LogLevel.Warning, "Could not sample or publish the node's metrics; the next interval tries again")]
    private partial void LogSampleFailed(Exception e);
}
