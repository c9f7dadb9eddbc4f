using Platform.Api.Model;

namespace Platform.Grains.Abstractions;

/// <summary>
/// What a scheduler reserves on a node for one pod: its requests, who it is (namespace and labels),
/// so that placement can spread pods of the same workload across nodes, and the host ports it holds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PodReservation(
    [property: Id(0)] string PodUid,
    [property: Id(1)] ResourceAmounts Requests,
    [property: Id(2)] string? Namespace = null,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Labels = null,
    [property: Id(4)] IReadOnlyList<HostPortClaim>? HostPorts = null);

/// <summary>A pod reserved on a node, as placement sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record ReservedPod(
    [property: Id(0)] string? Namespace,
    [property: Id(1)] IReadOnlyDictionary<string, string>? Labels,
    [property: Id(2)] IReadOnlyList<HostPortClaim>? HostPorts = null);
