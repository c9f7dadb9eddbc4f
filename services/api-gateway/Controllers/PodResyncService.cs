using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Controllers;

/// <summary>
/// Walks the pods that still wait on a message (unscheduled, or being deleted) and has each re-send
/// it when the last one is older than <see cref="RetryAfter"/>: the repair for a message lost to a
/// broker outage or a crash between a state write and a send. Duplicates are harmless.
/// </summary>
public sealed partial class PodResyncService(IGrainFactory grains, ILogger<PodResyncService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.UnsettledPodIndex).List(null);
                await Task.WhenAll(keys.Select(k => grains.GetGrain<IPodGrain>(k).Resync(RetryAfter)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResyncFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Pod resync pass failed; the next pass retries")]
    private partial void LogResyncFailed(Exception e);
}
