using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Persistence;

namespace Platform.Grains.Lifecycle;

/// <summary>
/// Deletes the dependents owners hand it, a batch at a time on a timer, so an owner's delete returns at once. A
/// dependent is deleted only while it still names its owner's uid; a failed delete (a busy or unreachable grain) is
/// tried again later. The list is persisted before <see cref="Collect"/> returns and after every batch.
/// </summary>
public sealed partial class GarbageCollectorGrain(
    [PersistentState("garbage", StorageNames.ControlPlane)] IPersistentState<GarbageRecord> state,
    TimeProvider time,
    ILogger<GarbageCollectorGrain> logger) : Grain, IGarbageCollectorGrain
{
    /// <summary>Deletes run in parallel within a batch; between batches the grain takes new work.</summary>
    private const int BatchSize = 100;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);
    private GarbageQueue? queue;
    private SharedWrite? writes;
    private IGrainTimer? sweeper;

    private GarbageQueue Queue => queue ??= new GarbageQueue(state.State.Pending);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Resume();

    public async Task Collect(IReadOnlyList<Dependent> dependents)
    {
        var added = 0;
        foreach (var dependent in dependents)
        {
            added += Queue.Add(dependent) ? 1 : 0;
        }

        if (added > 0)
        {
            await SaveAsync();
            StartSweeping();
        }
    }

    public Task Resume()
    {
        if (Queue.Count > 0)
        {
            StartSweeping();
        }

        return Task.CompletedTask;
    }

    public Task<int> Pending() => Task.FromResult(Queue.Count);

    private void StartSweeping() =>
        sweeper ??= this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(TimeSpan.Zero, Pace) { KeepAlive = true });

    private async Task Sweep()
    {
        var batch = Queue.TakeDue(BatchSize, time.GetUtcNow());
        if (batch.Count == 0)
        {
            if (Queue.Count == 0)
            {
                sweeper?.Dispose();
                sweeper = null;
            }

            return;
        }

        var deleted = await Task.WhenAll(batch.Select(DeleteAsync));
        var now = time.GetUtcNow();
        foreach (var (dependent, done) in batch.Zip(deleted))
        {
            if (done)
            {
                Queue.Done(dependent);
            }
            else
            {
                Queue.Failed(dependent, now);
            }
        }

        if (deleted.Any(done => done))
        {
            await SaveAsync();
        }
    }

    private async Task<bool> DeleteAsync(Dependent dependent)
    {
        try
        {
            await (dependent.Kind switch
            {
                DependentKind.Pod => DeleteIfOwnedAsync<IPodGrain, Pod>(dependent),
                DependentKind.ReplicaSet => DeleteIfOwnedAsync<IReplicaSetGrain, ReplicaSet>(dependent),
                _ => Task.CompletedTask,
            });
            return true;
        }
        catch (Exception e)
        {
            LogDeleteFailed(e, dependent.Kind, dependent.Key);
            return false;
        }
    }

    private async Task DeleteIfOwnedAsync<TGrain, T>(Dependent dependent)
        where TGrain : IObjectGrain<T>
        where T : class, IApiObject
    {
        var grain = GrainFactory.GetGrain<TGrain>(dependent.Key);
        if (await grain.Get() is { } item && item.Metadata.OwnerReferences?.Any(o => o.Uid == dependent.OwnerUid) == true)
        {
            await grain.Delete(dependent.Propagation);
        }
    }

    /// <summary>
    /// Writes the list as it is when the write begins. A collect interleaved with a sweep shares the next write
    /// instead of racing it (one etag at a time).
    /// </summary>
    private Task SaveAsync() => (writes ??= new SharedWrite(() =>
    {
        state.State.Pending = [.. Queue.Items];
        return state.WriteStateAsync();
    })).WriteAsync();

    [LoggerMessage(LogLevel.Warning, "Garbage collector: deleting {Kind} {Key} failed; it is tried again later")]
    private partial void LogDeleteFailed(Exception e, DependentKind kind, string key);
}
