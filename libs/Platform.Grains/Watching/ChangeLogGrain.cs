using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Platform.Grains.Abstractions.Watching;

namespace Platform.Grains.Watching;

/// <summary>
/// Hands out revisions and keeps the newest changes in memory for watchers. Revisions are reserved
/// on disk in blocks, so they keep rising across restarts without a write per change; the window
/// itself is not persisted: after a restart, a watch from before it gets TooOld and lists again,
/// which is what Kubernetes clients do on 410 Gone.
/// </summary>
public sealed class ChangeLogGrain(
    [PersistentState("changelog", StorageNames.ControlPlane)] IPersistentState<ChangeLogRecord> state,
    ILogger<ChangeLogGrain> logger) : Grain, IChangeLogGrain
{
    private const long ReservationBlock = 1000;
    private const int WindowSize = 20_000;

    private readonly Queue<ChangeEvent> window = new();

    /// <summary>Each live object as its newest change left it (the strings the window holds, not copies).</summary>
    private readonly Dictionary<string, string> latest = new(StringComparer.Ordinal);
    private readonly ObserverManager<IChangeObserver> observers = new(TimeSpan.FromMinutes(2), logger);
    private long current;

    /// <summary>The revision before the oldest change still held; a watch from before it cannot be served.</summary>
    private long windowStart;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        current = state.State.ReservedUpTo;
        windowStart = current;
        // The window and the subscriptions live in memory: stay active for as long as the silo runs.
        this.RegisterGrainTimer(() =>
        {
            observers.ClearExpired();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<long> Record(string type, string resource, string? @namespace, string name, string json)
    {
        var revision = current + 1;
        if (revision > state.State.ReservedUpTo)
        {
            state.State.ReservedUpTo = revision + ReservationBlock;
            await state.WriteStateAsync();
        }

        current = revision;
        var key = $"{resource}/{@namespace}/{name}";
        var stamped = WithResourceVersion(json, revision);
        latest.TryGetValue(key, out var previous);
        if (type == ChangeTypes.Deleted)
        {
            latest.Remove(key);
        }
        else
        {
            latest[key] = stamped;
        }

        window.Enqueue(new ChangeEvent(revision, type, resource, @namespace, name, stamped, type == ChangeTypes.Added ? null : previous));
        while (window.Count > WindowSize)
        {
            windowStart = window.Dequeue().Revision;
        }

        await observers.Notify(o => o.Changed(revision));
        return revision;
    }

    public Task<long> CurrentRevision() => Task.FromResult(current);

    public Task<ChangeBatch> ReadSince(long revision)
    {
        if (revision < windowStart)
        {
            return Task.FromResult(new ChangeBatch([], current, TooOld: true));
        }

        IReadOnlyList<ChangeEvent> changes = window.Where(c => c.Revision > revision).ToList();
        return Task.FromResult(new ChangeBatch(changes, current, TooOld: false));
    }

    public Task Subscribe(IChangeObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IChangeObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private static string WithResourceVersion(string json, long revision)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (node["metadata"] is JsonObject metadata)
        {
            metadata["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return node.ToJsonString();
    }
}

/// <summary>The persisted part of the change log: how far revisions have been handed out.</summary>
public sealed class ChangeLogRecord
{
    public long ReservedUpTo { get; set; }
}
