using Platform.Api.Model;
using Platform.Scheduling.Matching;

namespace Platform.Scheduling.Filters;

/// <summary>
/// The pod tolerates every NoSchedule and NoExecute taint of the node (PreferNoSchedule only lowers
/// the score). The reason names the first taint it does not tolerate.
/// </summary>
public sealed class TaintTolerationFilter : INodeFilter
{
    public string? Reject(PodRequest pod, NodeCandidate node)
    {
        var untolerated = node.Taints.FirstOrDefault(taint =>
            taint.Effect is TaintEffects.NoSchedule or TaintEffects.NoExecute && !TolerationMatching.Tolerates(pod.Tolerations, taint));
        return untolerated is null ? null : $"node(s) had untolerated taint {untolerated}";
    }
}
