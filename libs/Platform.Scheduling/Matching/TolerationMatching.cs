using Platform.Api.Model;

namespace Platform.Scheduling.Matching;

/// <summary>Whether a pod's tolerations cover a node's taint, as Kubernetes decides it.</summary>
public static class TolerationMatching
{
    public static bool Tolerates(IEnumerable<Toleration> tolerations, Taint taint) => tolerations.Any(t => Tolerates(t, taint));

    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        // An empty key with Exists tolerates every taint; Equal is the default operator.
        return (toleration.Operator ?? TolerationOperators.Equal) switch
        {
            TolerationOperators.Exists => true,
            TolerationOperators.Equal => (toleration.Value ?? string.Empty) == (taint.Value ?? string.Empty),
            _ => false,
        };
    }
}
