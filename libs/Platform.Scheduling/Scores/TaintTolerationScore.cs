using Platform.Api.Model;
using Platform.Scheduling.Matching;

namespace Platform.Scheduling.Scores;

/// <summary>
/// Avoids nodes with PreferNoSchedule taints the pod does not tolerate: the raw score counts them, and
/// the node with the most scores 0, a node with none 100 (Kubernetes' TaintToleration score).
/// </summary>
public sealed class TaintTolerationScore : INodeScore
{
    public double Score(PodRequest pod, NodeCandidate node)
    {
        // Only tolerations that can cover PreferNoSchedule count, as in Kubernetes.
        var tolerations = pod.Tolerations.Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == TaintEffects.PreferNoSchedule).ToList();
        return node.Taints.Count(taint => taint.Effect == TaintEffects.PreferNoSchedule && !TolerationMatching.Tolerates(tolerations, taint));
    }

    public IReadOnlyList<double> Normalize(IReadOnlyList<double> raw) => ScoreNormalization.Reversed(raw);
}
