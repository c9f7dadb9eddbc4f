using Platform.Api.Model;

namespace Platform.Scheduling.Filters;

/// <summary>The pod's host ports are free on the node: no pod reserved there holds the same port and protocol on an overlapping address.</summary>
public sealed class HostPortsFilter : INodeFilter
{
    public const string Reason = "node(s) didn't have free ports for the requested pod ports";

    public string? Reject(PodRequest pod, NodeCandidate node) =>
        pod.HostPorts.Count > 0 && InUse(pod.HostPorts, node.Pods.SelectMany(p => p.HostPorts)) ? Reason : null;

    public static bool InUse(IEnumerable<HostPortClaim> wanted, IEnumerable<HostPortClaim> held)
    {
        var taken = held.ToList();
        return wanted.Any(w => taken.Any(w.ConflictsWith));
    }
}
