using Platform.Api.Model;

namespace Platform.Scheduling;

/// <summary>What placement knows of the pod to place.</summary>
public sealed record PodRequest(string Namespace, string Name, ResourceAmounts Requests, string? RequiredNodeName = null);
