using Orleans.Concurrency;
using Platform.Api.Model;

namespace Platform.Grains.Abstractions;

/// <summary>The storage side every API kind offers: read, create, replace, delete. Keyed by <see cref="GrainKeys.Namespaced"/>.</summary>
public interface IObjectGrain<T> : IGrainWithStringKey
    where T : class, IApiObject
{
    Task<T?> Get();

    Task<WriteResult<T>> Create(T item);

    /// <summary>Replaces what may change; a stale resourceVersion gives Conflict.</summary>
    Task<WriteResult<T>> Update(T item);

    /// <summary>
    /// Deletes the object: at once when nothing holds it, else it stays readable with a deletionTimestamp until its last
    /// finalizer is removed. <paramref name="propagation"/> says what happens to the objects it owns.
    /// </summary>
    Task<WriteResult<T>> Delete(DeletePropagation propagation = DeletePropagation.Background);
}

/// <summary>A Deployment and its controller: owns one ReplicaSet per template revision and rolls between them.</summary>
public interface IDeploymentGrain : IObjectGrain<Deployment>
{
    /// <summary>Told that an owned ReplicaSet changed; reconciles soon after, outside the caller's turn.</summary>
    [OneWay]
    Task ReplicaSetChanged();

    /// <summary>Brings the owned ReplicaSets toward the spec (the periodic resync calls it too).</summary>
    Task Reconcile();
}

/// <summary>A ReplicaSet and its controller: keeps spec.replicas pods of its template alive.</summary>
public interface IReplicaSetGrain : IObjectGrain<ReplicaSet>
{
    /// <summary>Told by an owned pod's grain what it now looks like (or that it is gone).</summary>
    [OneWay]
    Task PodChanged(OwnedPod pod);

    /// <summary>Re-reads every owned pod, then reconciles (the periodic resync's repair for lost notices).</summary>
    Task Resync();

    /// <summary>Sets spec.replicas (what the Deployment controller and the scale subresource do).</summary>
    Task<WriteResult<ReplicaSet>> Scale(int replicas);
}

/// <summary>A namespace: created, listed, and deleted with everything in it.</summary>
public interface INamespaceGrain : IObjectGrain<Namespace>
{
    /// <summary>Creates the namespace if missing (the built-in ones at start).</summary>
    Task Ensure();

    /// <summary>For a terminating namespace: deletes what is left in it, and the namespace once it is empty.</summary>
    Task Finalize();
}

/// <summary>What a ReplicaSet needs to know about one of its pods.</summary>
[GenerateSerializer, Immutable]
public sealed record OwnedPod(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Uid,
    [property: Id(2)] string? Phase,
    [property: Id(3)] bool Ready,
    [property: Id(4)] bool Deleting,
    [property: Id(5)] bool Gone,
    [property: Id(6)] bool Scheduled,
    [property: Id(7)] DateTimeOffset? ReadySince,
    [property: Id(8)] DateTimeOffset? CreatedAt);
