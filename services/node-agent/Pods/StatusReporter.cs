using System.Threading.Channels;
using MassTransit;
using Platform.Api.Model;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.NodeAgent.Pods;

/// <summary>
/// Numbers each pod's status reports, saves the newest to disk, and publishes them in order,
/// retrying for as long as the broker is away: a report is never dropped, only superseded.
/// </summary>
public sealed partial class StatusReporter(IBus bus, PodStore store, NodeAgentSettings settings, TimeProvider time, ILogger<StatusReporter> logger)
    : BackgroundService
{
    private readonly Channel<PodStatusChanged> pending = Channel.CreateUnbounded<PodStatusChanged>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> sequences = [];
    private readonly Lock sequenceLock = new();

    // The containers of one pod report concurrently: numbering, saving and queueing one report at a
    // time per pod keeps status.json and the queue in sequence order (and the save's temp file unshared).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> podGates = new();

    /// <summary>Continues numbering from what a previous agent process saved.</summary>
    public void Resume(string uid, long sequence)
    {
        lock (sequenceLock)
        {
            sequences[uid] = Math.Max(sequences.GetValueOrDefault(uid), sequence);
        }
    }

    /// <summary>
    /// Publishes again the last report a previous agent process saved: it may have crashed before the
    /// report left. Same sequence, so a control plane that already has it ignores it.
    /// </summary>
    public ValueTask RepublishAsync(string @namespace, string name, string uid, PodStore.StoredStatus saved, CancellationToken cancellationToken)
    {
        Resume(uid, saved.Sequence);
        var report = new PodStatusChanged(@namespace, name, uid, settings.NodeName, saved.Sequence, saved.Status, Removed: false, time.GetUtcNow());
        return pending.Writer.WriteAsync(report, cancellationToken);
    }

    public async Task ReportAsync(string @namespace, string name, string uid, PodStatus status, bool removed, CancellationToken cancellationToken)
    {
        var gate = podGates.GetOrAdd(uid, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            long sequence;
            lock (sequenceLock)
            {
                sequence = sequences[uid] = sequences.GetValueOrDefault(uid) + 1;
            }

            if (!removed)
            {
                await store.SaveStatusAsync(uid, new PodStore.StoredStatus(sequence, status), cancellationToken);
            }

            var report = new PodStatusChanged(@namespace, name, uid, settings.NodeName, sequence, status, removed, time.GetUtcNow());
            await pending.Writer.WriteAsync(report, cancellationToken);
        }
        finally
        {
            gate.Release();
            if (removed)
            {
                podGates.TryRemove(uid, out _);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var report in pending.Reader.ReadAllAsync(stoppingToken))
        {
            await PublishUntilAcceptedAsync(report, stoppingToken);
        }
    }

    private async Task PublishUntilAcceptedAsync(PodStatusChanged report, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await bus.PublishWithin(report, BoundedDelivery.DefaultTimeout, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRetry(e, report.Namespace, report.Name, delay);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Status of pod {Namespace}/{Name} not published; retrying in {Delay}")]
    private partial void LogRetry(Exception e, string @namespace, string name, TimeSpan delay);
}
