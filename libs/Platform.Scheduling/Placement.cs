using Platform.Scheduling.Filters;
using Platform.Scheduling.Scores;

namespace Platform.Scheduling;

/// <summary>
/// The placement pipeline: every filter must accept a node, then the weighted scores rank the
/// feasible nodes; ties go to the node name that sorts first, so decisions are repeatable.
/// </summary>
public sealed class Placement(IReadOnlyList<INodeFilter> filters, IReadOnlyList<(INodeScore Score, double Weight)> scores)
{
    public static Placement Default { get; } = new(
        [new NodeReadyFilter(), new NodeNameFilter(), new ResourcesFitFilter()],
        [(new LeastAllocatedScore(), 1.0)]);

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

        var best = feasible
            .OrderByDescending(n => scores.Sum(s => s.Weight * s.Score.Score(pod, n)))
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return new PlacementDecision(best?.Name, rejections);
    }
}
