using Platform.Grains.Abstractions.Metrics;

namespace Platform.Grains.Metrics;

/// <summary>A node's recent samples, in memory only, like <see cref="PodMetricsGrain"/>.</summary>
[CollectionAgeLimit(Minutes = 3)]
public sealed class NodeMetricsGrain(TimeProvider time) : Grain, INodeMetricsGrain
{
    private readonly CounterWindow cpu = new(PodMetricsWindow.Retention);
    private NodeUsageSample? latest;

    public Task RecordUsage(NodeUsageSample sample)
    {
        if (cpu.Add(new CounterPoint(sample.SampledAt, sample.CpuUsageNanoseconds)))
        {
            latest = sample;
        }

        return Task.CompletedTask;
    }

    public Task<NodeUsage?> GetUsage(TimeSpan window)
    {
        var usage = latest is not null && cpu.Rate(time.GetUtcNow(), window, PodMetricsWindow.StaleAfter) is { } rate
            ? new NodeUsage(latest.SampledAt, rate.Span, PodMetricsGrain.Millicores(rate), latest.MemoryWorkingSetBytes)
            : null;
        return Task.FromResult(usage);
    }
}
