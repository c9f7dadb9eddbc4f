namespace Platform.Scheduling.Scores;

/// <summary>
/// Prefers the node that already holds most of the pod's image bytes: 100 × the bytes of the pod's
/// image layers the node has / the bytes of all its layers (a layer shared by two images counts once).
/// A pod whose images no node has pulled yet scores 0 everywhere.
/// </summary>
public sealed class ImageLocalityScore : INodeScore
{
    public double Score(PodRequest pod, NodeCandidate node)
    {
        var total = pod.ImageLayers.Values.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var present = pod.ImageLayers.Where(layer => node.ImageLayers.Contains(layer.Key)).Sum(layer => layer.Value);
        return 100.0 * present / total;
    }
}
