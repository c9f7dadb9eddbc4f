using Platform.Grains.Abstractions.Metrics;

namespace Platform.Grains.Metrics;

/// <summary>
/// A pod's recent samples, in memory only (metrics-server keeps none either): after a silo restart the window
/// refills within two sampling intervals. The grain goes away a few minutes after its node stops sampling.
/// </summary>
[CollectionAgeLimit(Minutes = 3)]
public sealed class PodMetricsGrain(TimeProvider time) : Grain, IPodMetricsGrain
{
    private readonly CounterWindow cpu = new(PodMetricsWindow.Retention);
    private readonly CounterWindow requests = new(PodMetricsWindow.Retention);
    private readonly Dictionary<string, CounterWindow> containerCpu = new(StringComparer.Ordinal);
    private PodUsageSample? latest;

    public Task RecordUsage(PodUsageSample sample)
    {
        if (!cpu.Add(new CounterPoint(sample.SampledAt, sample.CpuUsageNanoseconds)))
        {
            return Task.CompletedTask;
        }

        latest = sample;
        foreach (var container in sample.Containers ?? [])
        {
            if (!containerCpu.TryGetValue(container.Name, out var window))
            {
                containerCpu[container.Name] = window = new CounterWindow(PodMetricsWindow.Retention);
            }

            window.Add(new CounterPoint(sample.SampledAt, container.CpuUsageNanoseconds));
        }

        return Task.CompletedTask;
    }

    public Task RecordRequests(PodRequestSample sample)
    {
        requests.Add(new CounterPoint(sample.SampledAt, sample.RequestsTotal));
        return Task.CompletedTask;
    }

    public Task<PodUsage?> GetUsage(TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (latest is null || cpu.Rate(now, window, PodMetricsWindow.StaleAfter) is not { } rate)
        {
            return Task.FromResult<PodUsage?>(null);
        }

        var usage = new PodUsage(latest.SampledAt, rate.Span, Millicores(rate), latest.MemoryWorkingSetBytes,
            requests.Rate(now, window, PodMetricsWindow.StaleAfter)?.PerSecond)
        {
            Containers = latest.Containers?.Select(c => new ContainerUsage(c.Name, ContainerMillicores(c.Name, now, window), c.MemoryWorkingSetBytes)).ToList(),
            Latest = latest,
        };
        return Task.FromResult<PodUsage?>(usage);
    }

    /// <summary>CPU nanoseconds per second → thousandths of a core.</summary>
    public static long Millicores(CounterRate rate) => (long)Math.Round(rate.PerSecond / 1_000_000);

    private long ContainerMillicores(string name, DateTimeOffset now, TimeSpan window) =>
        containerCpu.TryGetValue(name, out var series) && series.Rate(now, window, PodMetricsWindow.StaleAfter) is { } rate ? Millicores(rate) : 0;
}
