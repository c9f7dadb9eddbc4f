using Platform.Api.Model;
using Platform.Scheduling.Matching;

namespace Platform.Scheduling.Filters;

/// <summary>
/// A cordoned node (spec.unschedulable) takes no new pods, unless the pod tolerates
/// node.kubernetes.io/unschedulable:NoSchedule, as Kubernetes' NodeUnschedulable plugin allows.
/// </summary>
public sealed class NodeUnschedulableFilter : INodeFilter
{
    public const string Reason = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new() { Key = "node.kubernetes.io/unschedulable", Effect = TaintEffects.NoSchedule };

    public string? Reject(PodRequest pod, NodeCandidate node) =>
        node.Unschedulable && !TolerationMatching.Tolerates(pod.Tolerations, UnschedulableTaint) ? Reason : null;
}
