using Platform.Api.Model;

namespace Platform.Contracts;

/// <summary>
/// A node agent started and announces itself, with the labels and taints it was configured with
/// (as kubelet's --node-labels and --register-with-taints). Published by node agents; consumed by the api-gateway.
/// </summary>
public sealed record NodeRegistered(
    string NodeName,
    string AgentEndpoint,
    ResourceAmounts Capacity,
    ResourceAmounts Allocatable,
    int MaxPods,
    NodeSystemInfo SystemInfo,
    DateTimeOffset RegisteredAt,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyList<Taint>? Taints = null);

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
