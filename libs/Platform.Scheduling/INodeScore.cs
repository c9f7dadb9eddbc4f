namespace Platform.Scheduling;

/// <summary>Ranks a feasible node for a pod from 0 (worst) to 100 (best).</summary>
public interface INodeScore
{
    double Score(PodRequest pod, NodeCandidate node);
}
