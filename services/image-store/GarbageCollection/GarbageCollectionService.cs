using Platform.ImageStore.Hosting;

namespace Platform.ImageStore.GarbageCollection;

/// <summary>Runs garbage collection periodically in the background.</summary>
public sealed partial class GarbageCollectionService(
    GarbageCollector collector,
    ImageStoreSettings settings,
    TimeProvider clock,
    ILogger<GarbageCollectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.GarbageCollectionInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await collector.CollectAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Garbage collection failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
