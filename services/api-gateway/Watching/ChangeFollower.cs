namespace Platform.ApiGateway.Watching;

/// <summary>
/// The loop of an in-process informer: register with the <see cref="WatchHub"/>, let the follower list and
/// apply changes until the hub expires the watch, then start again; a failure waits a second and starts again.
/// </summary>
public abstract class ChangeFollower(WatchHub hub) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var watcher = hub.Register();
                await FollowAsync(watcher, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                OnFollowFailed(e);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    /// <summary>Lists, then applies the watcher's changes; returns when the hub expired the watch (list again).</summary>
    protected abstract Task FollowAsync(Watcher watcher, CancellationToken cancellationToken);

    protected abstract void OnFollowFailed(Exception e);
}
