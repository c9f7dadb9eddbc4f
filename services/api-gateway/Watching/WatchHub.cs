using System.Collections.Concurrent;
using System.Threading.Channels;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Watching;

/// <summary>
/// The gateway's one subscription to the cluster's change log. The log rings this observer after each
/// change; the hub then reads, in order, what it has not seen and hands it to every open watch. Reading
/// on a doorbell keeps the order and loses nothing even if a ring is lost (the next one, or the
/// periodic renewal, catches up).
/// </summary>
public sealed partial class WatchHub(IGrainFactory grains, ILogger<WatchHub> logger) : BackgroundService, IChangeObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Watcher, byte> watchers = new();
    private readonly Channel<long> doorbell = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private long delivered = -1;

    public Task Changed(long revision)
    {
        doorbell.Writer.TryWrite(revision);
        return Task.CompletedTask;
    }

    /// <summary>Registers a watch; it receives every change the hub delivers from now on.</summary>
    public Watcher Register()
    {
        var watcher = new Watcher(this);
        watchers[watcher] = 0;
        return watcher;
    }

    internal void Unregister(Watcher watcher) => watchers.TryRemove(watcher, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = grains.GetGrain<IChangeLogGrain>(GrainKeys.ChangeLog);
        var self = grains.CreateObjectReference<IChangeObserver>(this);
        delivered = await log.CurrentRevision();
        var renewed = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow - renewed > RenewEvery)
                {
                    await log.Subscribe(self);
                    renewed = DateTimeOffset.UtcNow;
                }

                await Deliver(log);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(RenewEvery);
                await doorbell.Reader.WaitToReadAsync(wait.Token).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
                doorbell.Reader.TryRead(out _);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogDeliveryFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Deliver(IChangeLogGrain log)
    {
        var batch = await log.ReadSince(delivered);
        if (batch.TooOld)
        {
            // The log restarted or moved past us: every open watch may have missed something.
            foreach (var watcher in watchers.Keys)
            {
                watcher.Expire();
            }

            delivered = batch.Revision;
            return;
        }

        foreach (var change in batch.Changes)
        {
            foreach (var watcher in watchers.Keys)
            {
                watcher.Offer(change);
            }

            delivered = change.Revision;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Delivering changes to watches failed; retrying")]
    private partial void LogDeliveryFailed(Exception e);
}

/// <summary>One open watch's inbox. A watch that falls too far behind is expired rather than buffered without bound.</summary>
public sealed class Watcher(WatchHub hub) : IDisposable
{
    private const int Capacity = 50_000;
    private readonly Channel<ChangeEvent> inbox = Channel.CreateBounded<ChangeEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    public bool Expired { get; private set; }

    public ChannelReader<ChangeEvent> Changes => inbox.Reader;

    internal void Offer(ChangeEvent change)
    {
        if (!inbox.Writer.TryWrite(change))
        {
            Expire();
        }
    }

    internal void Expire()
    {
        Expired = true;
        inbox.Writer.TryComplete();
    }

    public void Dispose()
    {
        hub.Unregister(this);
        inbox.Writer.TryComplete();
    }
}
