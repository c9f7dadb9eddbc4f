using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Api.Model;
using Platform.Contracts;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Nodes;

/// <summary>
/// The live model of one node. Reservations are made here, one call at a time, so concurrent
/// schedulers can never overcommit a node. Heartbeats are kept in memory only: after a restart
/// a node is NotReady until its next heartbeat, a few seconds later.
/// </summary>
public sealed partial class NodeGrain(
    [PersistentState("node", StorageNames.ControlPlane)] IPersistentState<NodeRecord> state,
    IOptions<ControlPlaneOptions> options,
    TimeProvider time,
    ILogger<NodeGrain> logger) : Grain, INodeGrain
{
    private DateTimeOffset? lastHeartbeat;

    private NodeRecord Record => state.State;

    private bool IsRegistered => state.RecordExists;

    private bool IsReady => lastHeartbeat is { } seen && time.GetUtcNow() - seen <= options.Value.NodeHeartbeatGracePeriod;

    public async Task Register(NodeRegistered registration)
    {
        var isNew = !IsRegistered;
        Record.Uid ??= Guid.NewGuid().ToString();
        Record.CreationTimestamp ??= time.GetUtcNow();
        Record.AgentEndpoint = registration.AgentEndpoint;
        Record.Capacity = registration.Capacity;
        Record.Allocatable = registration.Allocatable;
        Record.MaxPods = registration.MaxPods;
        Record.SystemInfo = registration.SystemInfo;
        Record.Labels = registration.Labels is { } labels ? new(labels) : [];
        Record.Taints = registration.Taints is { } taints ? [.. taints] : [];
        Record.ResourceVersion++;
        await state.WriteStateAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).Add(this.GetPrimaryKeyString());
        }

        lastHeartbeat = registration.RegisteredAt;
        LogRegistered(this.GetPrimaryKeyString(), registration.AgentEndpoint);
    }

    public Task Heartbeat(NodeHeartbeat heartbeat)
    {
        // A heartbeat from an agent the control plane does not know yet waits for its registration.
        if (IsRegistered && (lastHeartbeat is null || heartbeat.SentAt > lastHeartbeat))
        {
            lastHeartbeat = heartbeat.SentAt;
            Record.AgentEndpoint = heartbeat.AgentEndpoint;
        }

        return Task.CompletedTask;
    }

    public Task<Node?> Get() =>
        Task.FromResult(IsRegistered ? NodeView.ToNode(this.GetPrimaryKeyString(), Record, lastHeartbeat, IsReady) : null);

    public Task<NodeSnapshot?> GetSnapshot() => Task.FromResult(IsRegistered ? Snapshot() : null);

    public async Task<ReservationResult> Reserve(PodReservation reservation)
    {
        if (Record.Reservations.ContainsKey(reservation.PodUid))
        {
            return new ReservationResult(true, null);
        }

        var refusal = !IsRegistered ? "node is not registered"
            : !IsReady ? "node is not ready"
            : Record.Reservations.Count >= Record.MaxPods ? "too many pods"
            : !(Allocated() + reservation.Requests).FitsWithin(Record.Allocatable) ? "insufficient cpu or memory"
            : null;
        if (refusal is not null)
        {
            return new ReservationResult(false, refusal);
        }

        Record.Reservations[reservation.PodUid] = reservation.Requests;
        Record.ReservedPods[reservation.PodUid] = new ReservedPod(reservation.Namespace, reservation.Labels is { } labels ? new Dictionary<string, string>(labels) : null);
        await state.WriteStateAsync();
        return new ReservationResult(true, null);
    }

    public async Task Release(string podUid)
    {
        var released = Record.Reservations.Remove(podUid);
        if (Record.ReservedPods.Remove(podUid) || released)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task SetUnschedulable(bool unschedulable)
    {
        if (IsRegistered && Record.Unschedulable != unschedulable)
        {
            Record.Unschedulable = unschedulable;
            Record.ResourceVersion++;
            await state.WriteStateAsync();
        }
    }

    private NodeSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(),
        IsReady,
        Record.Unschedulable,
        Record.Allocatable,
        Allocated(),
        Record.Reservations.Count,
        Record.MaxPods,
        Record.AgentEndpoint ?? string.Empty,
        NodeLabels.Of(this.GetPrimaryKeyString(), Record),
        new List<Taint>(Record.Taints),
        Record.Reservations.Keys.Select(uid => Record.ReservedPods.GetValueOrDefault(uid) ?? new ReservedPod(null, null)).ToList());

    private ResourceAmounts Allocated() => Record.Reservations.Values.Aggregate(ResourceAmounts.Zero, (a, b) => a + b);

    [LoggerMessage(LogLevel.Information, "Node {Node} registered, agent at {Endpoint}")]
    private partial void LogRegistered(string node, string endpoint);
}
