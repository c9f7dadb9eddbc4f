namespace Platform.Scheduling.Scores;

/// <summary>
/// Spreads the pods of one workload across nodes: the raw score counts the pods on the node in the same
/// namespace with exactly the pod's labels (the pods of one ReplicaSet share them), and the node with
/// the most scores 0, a node with none 100. A pod without labels has no workload to spread.
/// </summary>
public sealed class SpreadScore : INodeScore
{
    public double Score(PodRequest pod, NodeCandidate node) =>
        pod.Labels.Count == 0 ? 0 : node.Pods.Count(placed => placed.Namespace == pod.Namespace && SameLabels(placed.Labels, pod.Labels));

    public IReadOnlyList<double> Normalize(IReadOnlyList<double> raw) => ScoreNormalization.Reversed(raw);

    private static bool SameLabels(IReadOnlyDictionary<string, string>? placed, IReadOnlyDictionary<string, string> labels) =>
        placed is not null && placed.Count == labels.Count
        && labels.All(pair => placed.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
