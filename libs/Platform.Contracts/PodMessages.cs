using Platform.Api.Model;

namespace Platform.Contracts;

/// <summary>A pod needs a node. Published by the api-gateway; consumed by the scheduler (competing consumers).</summary>
public sealed record PodScheduleRequested(string Namespace, string Name, string Uid, DateTimeOffset RequestedAt);

/// <summary>
/// Run this pod. Sent by the scheduler to the queue of the chosen node (<see cref="QueueNames.Node"/>);
/// consumed by that node's agent, idempotently by <see cref="Uid"/>.
/// </summary>
public sealed record StartPod(string Namespace, string Name, string Uid, string NodeName, PodSpec Spec);

/// <summary>
/// Stop this pod and remove what it left on the node. Sent by the api-gateway to the pod's node queue;
/// consumed by that node's agent, which answers with <see cref="PodStatusChanged"/> marked Removed.
/// </summary>
public sealed record StopPod(string Namespace, string Name, string Uid, long GracePeriodSeconds);

/// <summary>
/// What a node agent observed of a pod. Published by node agents; consumed by the api-gateway.
/// <see cref="Sequence"/> grows with every report about one pod, so stale redeliveries are ignored.
/// </summary>
public sealed record PodStatusChanged(
    string Namespace,
    string Name,
    string Uid,
    string NodeName,
    long Sequence,
    PodStatus Status,
    bool Removed,
    DateTimeOffset ObservedAt);
