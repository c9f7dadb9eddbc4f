using Platform.Api.Model;
using Platform.Contracts;

namespace Platform.Grains.Abstractions;

/// <summary>One node: capacity, the pods reserved on it, and its heartbeat. Keyed by node name.</summary>
public interface INodeGrain : IGrainWithStringKey
{
    Task Register(NodeRegistered registration);

    Task Heartbeat(NodeHeartbeat heartbeat);

    Task<Node?> Get();

    /// <summary>Compares the heartbeat with the grace period; announces a change of readiness to watchers. Returns readiness.</summary>
    Task<bool> CheckLiveness();

    /// <summary>The control plane gave up on a pod of this lost node: free its reservation, and stop it if the node comes back.</summary>
    Task RememberLostPod(string podUid, string @namespace, string name);

    Task<NodeSnapshot?> GetSnapshot();

    /// <summary>Atomically reserves a pod's requests if they fit. Idempotent by pod uid.</summary>
    Task<ReservationResult> Reserve(PodReservation reservation);

    /// <summary>Cordons (true) or uncordons (false) the node: placement skips an unschedulable node.</summary>
    /// <summary>
    /// What a user may change on a node: labels beyond the well-known ones the node reports, annotations, taints
    /// and <c>spec.unschedulable</c> (cordon). 409 on a stale resourceVersion, as for every kind.
    /// </summary>
    Task<WriteResult<Node>> Update(Node item);

    /// <summary>Frees what a pod reserved. Idempotent.</summary>
    Task Release(string podUid);
}

/// <summary>What the scheduler needs to know about a node.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Ready,
    [property: Id(2)] bool Unschedulable,
    [property: Id(3)] ResourceAmounts Allocatable,
    [property: Id(4)] ResourceAmounts Allocated,
    [property: Id(5)] int PodCount,
    [property: Id(6)] int MaxPods,
    [property: Id(7)] string AgentEndpoint,
    [property: Id(8)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(9)] IReadOnlyList<Taint> Taints,
    [property: Id(10)] IReadOnlyList<ReservedPod> Pods);

[GenerateSerializer, Immutable]
public sealed record ReservationResult([property: Id(0)] bool Reserved, [property: Id(1)] string? Reason);
