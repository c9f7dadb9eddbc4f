using Platform.Scheduling.Filters;
using Platform.Scheduling.Scores;

namespace Platform.Scheduling;

/// <summary>
/// The placement pipeline: every filter must accept a node (the first to refuse gives the node's reason),
/// then each score ranks the feasible nodes, is normalised to 0–100 over them and weighted; the highest
/// sum wins and ties go to the node name that sorts first, so decisions are repeatable.
/// </summary>
public sealed class Placement(IReadOnlyList<INodeFilter> filters, IReadOnlyList<(INodeScore Score, double Weight)> scores)
{
    /// <summary>Kubernetes' default plugins and weights, for the filters and scores built here.</summary>
    public static Placement Default { get; } = new(
        [
            new NodeReadyFilter(),
            new NodeUnschedulableFilter(),
            new NodeNameFilter(),
            new TaintTolerationFilter(),
            new NodeAffinityFilter(),
            new MaxPodsFilter(),
            new HostPortsFilter(),
            new ResourcesFitFilter(),
        ],
        [
            (new LeastAllocatedScore(), 1.0),
            (new BalancedAllocationScore(), 1.0),
            (new NodeAffinityScore(), 2.0),
            (new TaintTolerationScore(), 3.0),
            (new SpreadScore(), 2.0),
            (new ImageLocalityScore(), 1.0),
        ]);

    public PlacementDecision Place(PodRequest pod, IEnumerable<NodeCandidate> nodes)
    {
        var rejections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var feasible = new List<NodeCandidate>();
        foreach (var node in nodes)
        {
            var reason = filters.Select(f => f.Reject(pod, node)).FirstOrDefault(r => r is not null);
            if (reason is null)
            {
                feasible.Add(node);
            }
            else
            {
                rejections[node.Name] = reason;
            }
        }

        var totals = Totals(pod, feasible);
        var best = feasible
            .Select((node, i) => (node, total: totals[i]))
            .OrderByDescending(n => n.total)
            .ThenBy(n => n.node.Name, StringComparer.Ordinal)
            .Select(n => n.node)
            .FirstOrDefault();
        return new PlacementDecision(best?.Name, rejections);
    }

    /// <summary>The weighted sum of every normalised score, per feasible node, in the order given.</summary>
    public double[] Totals(PodRequest pod, IReadOnlyList<NodeCandidate> feasible)
    {
        var totals = new double[feasible.Count];
        foreach (var (score, weight) in scores)
        {
            var normalised = score.Normalize(feasible.Select(n => score.Score(pod, n)).ToList());
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += weight * normalised[i];
            }
        }

        return totals;
    }
}
