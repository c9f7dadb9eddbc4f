using Platform.Api.Model;

namespace Platform.Contracts;

/// <summary>A node agent started and announces itself. Published by node agents; consumed by the api-gateway.</summary>
public sealed record NodeRegistered(
    string NodeName,
    string AgentEndpoint,
    ResourceAmounts Capacity,
    ResourceAmounts Allocatable,
    int MaxPods,
    NodeSystemInfo SystemInfo,
    DateTimeOffset RegisteredAt);

/// <summary>
/// A node agent is alive. Published every few seconds by node agents; consumed by the api-gateway,
/// which marks a node NotReady when these stop.
/// </summary>
public sealed record NodeHeartbeat(
    string NodeName,
    string AgentEndpoint,
    ResourceAmounts Allocatable,
    IReadOnlyList<string> RunningPodUids,
    DateTimeOffset SentAt);
