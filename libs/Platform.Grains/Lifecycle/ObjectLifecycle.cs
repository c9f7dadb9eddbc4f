using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Watching;

namespace Platform.Grains.Lifecycle;

/// <summary>What the lifecycle needs to know of a kind: its resource in the change log, its name in messages, its index.</summary>
public sealed record StoredKind(string Resource, string QualifiedResource, string Index);

/// <summary>
/// The write sequence every stored kind shares, in one place: create (identity, index, ADDED, persist), update
/// (optimistic concurrency, finalizer rules, generation, MODIFIED), and deletion with finalizers (a held object
/// gets a deletionTimestamp and stays readable; it goes, with a DELETED event, once its last finalizer is removed).
/// A grain keeps one per activation and adds its own rules around it.
/// </summary>
public sealed class ObjectLifecycle<T>(
    StoredKind kind,
    string key,
    IGrainFactory grains,
    TimeProvider time,
    Func<Task> write,
    Func<Task> clear)
    where T : class, IApiObject
{
    /// <summary>
    /// The grain's own removal (cascades, releases, notices), which ends with <see cref="ForgetAsync"/>; called by an
    /// update or delete that leaves the object released. Without it, the lifecycle just forgets the object.
    /// </summary>
    public Func<T, Task<WriteResult<T>>>? Remove { get; init; }

    public async Task<WriteResult<T>> CreateAsync(T item, Action<T> keep)
    {
        ObjectLifecycle.Initialise(item.Metadata, time.GetUtcNow());
        keep(item);
        // Indexed first: a key whose object was never written is skipped by every list, whereas an object written
        // but never indexed (the index add failing after the write) would exist without ever being listed.
        await Index.Add(key);
        await grains.Record(ChangeTypes.Added, kind.Resource, item);
        await write();
        return new(WriteOutcome.Created, item);
    }

    /// <summary>Why an update may not apply at all (a stale resourceVersion, finalizers added while deleting), or null.</summary>
    public WriteResult<T>? Refuse(T updated, T existing)
    {
        if (ObjectLifecycle.IsStale(updated.Metadata, existing.Metadata))
        {
            return new(WriteOutcome.Conflict, existing, Message: ObjectLifecycle.ConflictMessage(kind.QualifiedResource, existing.Metadata.Name));
        }

        return ObjectLifecycle.RefuseNewFinalizers(updated.Metadata, existing.Metadata) is { } error
            ? new(WriteOutcome.Invalid, existing, [error])
            : null;
    }

    /// <summary>
    /// Takes the user's metadata (and the spec through <paramref name="takeSpec"/>, bumping the generation) and saves;
    /// an update that removes the last finalizer of a deleting object removes it instead (DELETED, as Kubernetes).
    /// </summary>
    public async Task<WriteResult<T>> ApplyUpdate(T existing, T updated, bool specChanged, Action? takeSpec = null)
    {
        if (!specChanged && ObjectLifecycle.SameMetadata(updated.Metadata, existing.Metadata))
        {
            return new(WriteOutcome.Unchanged, existing);
        }

        ObjectLifecycle.TakeUserMetadata(existing.Metadata, updated.Metadata);
        if (specChanged)
        {
            takeSpec?.Invoke();
            existing.Metadata.Generation = (existing.Metadata.Generation ?? 1) + 1;
        }

        if (ObjectLifecycle.IsReleased(existing.Metadata))
        {
            return await RemoveAsync(existing);
        }

        await SaveAsync(existing);
        return new(WriteOutcome.Updated, existing);
    }

    public async Task SaveAsync(T item)
    {
        await grains.Record(ChangeTypes.Modified, kind.Resource, item);
        await write();
    }

    /// <summary>
    /// Deletes the object: removed at once when nothing holds it; otherwise (finalizers, or <paramref name="foreground"/>
    /// which adds foregroundDeletion) it gets a deletionTimestamp, a MODIFIED event, and stays. A second delete changes nothing.
    /// </summary>
    public async Task<WriteResult<T>> DeleteAsync(T existing, bool foreground = false, long gracePeriodSeconds = 0)
    {
        if (ObjectLifecycle.IsDeleting(existing.Metadata))
        {
            return new(WriteOutcome.Deleting, existing);
        }

        if (foreground)
        {
            ObjectLifecycle.AddFinalizer(existing.Metadata, Finalizers.ForegroundDeletion);
        }

        if (!ObjectLifecycle.HasFinalizers(existing.Metadata))
        {
            return await RemoveAsync(existing);
        }

        await MarkDeletingAsync(existing, gracePeriodSeconds);
        return new(WriteOutcome.Deleting, existing);
    }

    public async Task MarkDeletingAsync(T existing, long gracePeriodSeconds)
    {
        existing.Metadata.DeletionTimestamp = time.GetUtcNow();
        existing.Metadata.DeletionGracePeriodSeconds = gracePeriodSeconds;
        await SaveAsync(existing);
    }

    /// <summary>
    /// Persists that the object is going (a deletionTimestamp, no event) before its grain hands its dependents to the
    /// garbage collector: a crash between the two leaves it deleting, which <see cref="FinishRemovalAsync"/> completes,
    /// never live without its dependents.
    /// </summary>
    public async Task MarkRemovingAsync(T existing)
    {
        existing.Metadata.DeletionTimestamp ??= time.GetUtcNow();
        await write();
    }

    /// <summary>
    /// For a controller whose object is deleting: if nothing holds it any more, its removal was interrupted (a crash
    /// after <see cref="MarkRemovingAsync"/>); finish it. True when it did.
    /// </summary>
    public async Task<bool> FinishRemovalAsync(T existing)
    {
        if (!ObjectLifecycle.IsReleased(existing.Metadata))
        {
            return false;
        }

        await RemoveAsync(existing);
        return true;
    }

    /// <summary>A foreground deletion whose blocking dependents are gone: drops foregroundDeletion, and the object if nothing else holds it.</summary>
    public async Task<WriteResult<T>> ReleaseForegroundAsync(T existing)
    {
        if (!ObjectLifecycle.RemoveFinalizer(existing.Metadata, Finalizers.ForegroundDeletion))
        {
            return new(WriteOutcome.Deleting, existing);
        }

        if (ObjectLifecycle.IsReleased(existing.Metadata))
        {
            return await RemoveAsync(existing);
        }

        await SaveAsync(existing);
        return new(WriteOutcome.Deleting, existing);
    }

    /// <summary>The grain's removal when it has one, else <see cref="ForgetAsync"/>.</summary>
    public Task<WriteResult<T>> RemoveAsync(T existing) => Remove is { } remove ? remove(existing) : ForgetAsync(existing);

    /// <summary>The last step of every removal: the DELETED event, the state cleared, the key out of the index.</summary>
    public async Task<WriteResult<T>> ForgetAsync(T existing)
    {
        await grains.Record(ChangeTypes.Deleted, kind.Resource, existing);
        await clear();
        await Index.Remove(key);
        return new(WriteOutcome.Deleted, existing);
    }

    private IResourceIndexGrain Index => grains.GetGrain<IResourceIndexGrain>(kind.Index);
}
