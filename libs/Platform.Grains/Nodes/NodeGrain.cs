using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Pods;
using Platform.Grains.Watching;

namespace Platform.Grains.Nodes;

/// <summary>
/// The live model of one node. Reservations are made here, one call at a time, so concurrent
/// schedulers can never overcommit a node. Heartbeats are kept in memory only: after a restart
/// a node is NotReady until its next heartbeat, a few seconds later.
/// </summary>
public sealed partial class NodeGrain(
    [PersistentState("node", StorageNames.ControlPlane)] IPersistentState<NodeRecord> state,
    IOptions<ControlPlaneOptions> options,
    IPodMessenger messenger,
    TimeProvider time,
    ILogger<NodeGrain> logger) : Grain, INodeGrain
{
    private DateTimeOffset? lastHeartbeat;

    // Heartbeats are not persisted (one write a second per node): a grain activated afresh, after a gateway
    // restart or on another silo, knows none. It gives the node a full grace period from its activation, as
    // Kubernetes' node lifecycle controller does for a node it first observes, instead of calling it lost.
    private DateTimeOffset activatedAt;

    /// <summary>The readiness last announced to watchers; null until the first liveness check.</summary>
    private bool? announcedReady;

    private NodeRecord Record => state.State;

    private bool IsRegistered => state.RecordExists;

    private bool IsReady => time.GetUtcNow() - (lastHeartbeat ?? activatedAt) <= options.Value.NodeHeartbeatGracePeriod;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activatedAt = time.GetUtcNow();
        return base.OnActivateAsync(cancellationToken);
    }

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
        // As the kubelet's --node-labels and --register-with-taints: the agent's labels are set again at every
        // start, beside those users added; its taints only on first registration (users may have removed them).
        foreach (var (key, value) in registration.Labels ?? new Dictionary<string, string>())
        {
            Record.Labels[key] = value;
        }

        if (isNew)
        {
            Record.Taints = registration.Taints is { } taints ? [.. taints] : [];
        }
        lastHeartbeat = registration.RegisteredAt;
        await RecordChange(isNew ? ChangeTypes.Added : ChangeTypes.Modified);
        await state.WriteStateAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).Add(this.GetPrimaryKeyString());
        }

        lastHeartbeat = registration.RegisteredAt;
        LogRegistered(this.GetPrimaryKeyString(), registration.AgentEndpoint);
    }

    public async Task Heartbeat(NodeHeartbeat heartbeat)
    {
        // A heartbeat from an agent the control plane does not know yet waits for its registration.
        if (IsRegistered && (lastHeartbeat is null || heartbeat.SentAt > lastHeartbeat))
        {
            lastHeartbeat = heartbeat.SentAt;
            Record.AgentEndpoint = heartbeat.AgentEndpoint;
            await StopLostPods(heartbeat.RunningPodUids);
        }
    }

    public async Task<bool> CheckLiveness()
    {
        if (!IsRegistered)
        {
            return false;
        }

        var ready = IsReady;
        if (announcedReady != ready)
        {
            announcedReady = ready;
            await RecordChange(ChangeTypes.Modified);
            await state.WriteStateAsync();
            LogReadiness(this.GetPrimaryKeyString(), ready);
        }

        return ready;
    }

    public async Task RememberLostPod(string podUid, string @namespace, string name)
    {
        Record.Reservations.Remove(podUid);
        Record.ReservedPods.Remove(podUid);
        Record.LostPods[podUid] = new LostPod(@namespace, name);
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A node back from the dead still runs pods the control plane gave up on and recreated elsewhere:
    /// stop them, so a pod never runs twice for long. Forget each once the node no longer runs it.
    /// </summary>
    private async Task StopLostPods(IReadOnlyList<string> running)
    {
        if (Record.LostPods.Count == 0)
        {
            return;
        }

        var runningSet = running.ToHashSet();
        foreach (var (uid, pod) in Record.LostPods.ToList())
        {
            if (!runningSet.Contains(uid))
            {
                Record.LostPods.Remove(uid);
                continue;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await messenger.StopPod(this.GetPrimaryKeyString(), new StopPod(pod.Namespace, pod.Name, uid, 0), timeout.Token);
            LogStoppingLostPod(this.GetPrimaryKeyString(), pod.Namespace, pod.Name);
        }

        await state.WriteStateAsync();
    }

    private async Task RecordChange(string type)
    {
        var node = NodeView.ToNode(this.GetPrimaryKeyString(), Record, lastHeartbeat, IsReady);
        await GrainFactory.Record(type, "nodes", node);
        Record.ResourceVersion = long.Parse(node.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture);
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
            : HostPortsTaken(reservation.HostPorts) is { } port ? $"host port {port} is already reserved by another pod"
            : null;
        if (refusal is not null)
        {
            return new ReservationResult(false, refusal);
        }

        Record.Reservations[reservation.PodUid] = reservation.Requests;
        Record.ReservedPods[reservation.PodUid] = new ReservedPod(
            reservation.Namespace,
            reservation.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
            reservation.HostPorts is { Count: > 0 } ports ? ports.ToList() : null);
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

    public async Task<WriteResult<Node>> Update(Node item)
    {
        var name = this.GetPrimaryKeyString();
        if (!IsRegistered)
        {
            return new(WriteOutcome.NotFound, null);
        }

        var current = NodeView.ToNode(name, Record, lastHeartbeat, IsReady);
        if (ObjectLifecycle.IsStale(item.Metadata, current.Metadata))
        {
            return new(WriteOutcome.Conflict, current, Message: ObjectLifecycle.ConflictMessage("nodes", name));
        }

        var labels = NodeLabels.UserLabels(item.Metadata.Labels);
        var annotations = item.Metadata.Annotations is { } given ? new Dictionary<string, string>(given) : [];
        var taints = item.Spec?.Taints is { } list ? new List<Taint>(list) : [];
        var unschedulable = item.Spec?.Unschedulable == true;
        if (SpecEquality.AreEqual(labels, Record.Labels) && SpecEquality.AreEqual(annotations, Record.Annotations)
            && SpecEquality.AreEqual(taints, Record.Taints) && unschedulable == Record.Unschedulable)
        {
            return new(WriteOutcome.Unchanged, current);
        }

        (Record.Labels, Record.Annotations, Record.Taints, Record.Unschedulable) = (labels, annotations, taints, unschedulable);
        await RecordChange(ChangeTypes.Modified);
        await state.WriteStateAsync();
        return new(WriteOutcome.Updated, NodeView.ToNode(name, Record, lastHeartbeat, IsReady));
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

    /// <summary>The first wanted host port another reservation holds: the check that keeps two schedulers from both placing it.</summary>
    private HostPortClaim? HostPortsTaken(IReadOnlyList<HostPortClaim>? wanted)
    {
        var held = Record.Reservations.Keys.SelectMany(uid => Record.ReservedPods.GetValueOrDefault(uid)?.HostPorts ?? []).ToList();
        return wanted?.FirstOrDefault(w => held.Any(w.ConflictsWith));
    }

    private ResourceAmounts Allocated() => Record.Reservations.Values.Aggregate(ResourceAmounts.Zero, (a, b) => a + b);

    [LoggerMessage(LogLevel.Information, "Node {Node} readiness is now {Ready}")]
    private partial void LogReadiness(string node, bool ready);

    [LoggerMessage(LogLevel.Information, "Node {Node} came back running pod {Namespace}/{Name}, which was recreated elsewhere: stopping it")]
    private partial void LogStoppingLostPod(string node, string @namespace, string name);

    [LoggerMessage(LogLevel.Information, "Node {Node} registered, agent at {Endpoint}")]
    private partial void LogRegistered(string node, string endpoint);
}
