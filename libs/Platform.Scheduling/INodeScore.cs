namespace Platform.Scheduling;

/// <summary>
/// Ranks a feasible node for a pod. <see cref="Score"/> gives a raw value per node; <see cref="Normalize"/>
/// then maps the raw values of all feasible nodes to 0 (worst) … 100 (best), as the Kubernetes
/// framework's NormalizeScore does. A score already on that scale keeps the default.
/// </summary>
public interface INodeScore
{
    double Score(PodRequest pod, NodeCandidate node);

    IReadOnlyList<double> Normalize(IReadOnlyList<double> raw) => raw;
}
