namespace Platform.Grains.Abstractions;

/// <summary>How grains are keyed, in one place.</summary>
public static class GrainKeys
{
    public const string PodIndex = "pods";
    public const string NodeIndex = "nodes";
    public const string ImageIndex = "images";

    /// <summary>Pods still waiting on a message (to be scheduled, or to be stopped).</summary>
    public const string UnsettledPodIndex = "pods-unsettled";

    public static string Pod(string @namespace, string name) => $"{@namespace}/{name}";

    public static (string Namespace, string Name) ParsePod(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
