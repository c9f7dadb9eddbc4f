using Orleans.Concurrency;

namespace Platform.Grains.Abstractions;

/// <summary>
/// Deletes the dependents of a deleted (or foreground-deleting) owner after the owner's own call has returned, as
/// Kubernetes' garbage collector does, so a delete answers at once however many objects it owns. The work is
/// persisted before <see cref="Collect"/> returns and retried until done, so a restart loses none of it.
/// One grain per dependent kind (keyed by <see cref="GrainKeys.GarbageCollector"/>): the pods' collector calls only
/// pods, and the replica sets' collector calls replica sets, which hand their pods to the pods' collector, so no
/// call ever waits on the grain that made it.
/// </summary>
public interface IGarbageCollectorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes dependents to delete; they are deleted soon after, outside the caller's turn. It interleaves with a batch
    /// being deleted, so an owner's delete never waits for a busy dependent.
    /// </summary>
    [AlwaysInterleave]
    Task Collect(IReadOnlyList<Dependent> dependents);

    /// <summary>Resumes work a restart left behind (the controllers' periodic resync calls it).</summary>
    [AlwaysInterleave]
    Task Resume();

    /// <summary>How many dependents are still waiting (for tests and diagnostics).</summary>
    [AlwaysInterleave]
    Task<int> Pending();
}

/// <summary>The kinds that have owners.</summary>
[GenerateSerializer]
public enum DependentKind
{
    Pod,
    ReplicaSet,
}

/// <summary>
/// One object to delete because its owner goes. It is deleted only while it still names that owner's uid, so an
/// object orphaned or adopted meanwhile, or a new object of the same name, is left alone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Dependent(
    [property: Id(0)] DependentKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] string OwnerUid,
    [property: Id(3)] DeletePropagation Propagation);
