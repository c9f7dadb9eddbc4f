using Platform.Scheduling.Matching;

namespace Platform.Scheduling.Scores;

/// <summary>
/// Prefers nodes matching the pod's preferredDuringSchedulingIgnoredDuringExecution terms: the raw
/// score is the sum of the weights of the terms a node matches, normalised so the best node scores 100.
/// </summary>
public sealed class NodeAffinityScore : INodeScore
{
    public double Score(PodRequest pod, NodeCandidate node) =>
        (pod.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [])
            .Where(term => NodeSelectorMatching.Matches(term.Preference, node.Labels))
            .Sum(term => term.Weight);

    public IReadOnlyList<double> Normalize(IReadOnlyList<double> raw) => ScoreNormalization.ToHighest(raw);
}
