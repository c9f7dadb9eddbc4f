namespace Platform.Grains.Abstractions;

/// <summary>How grains are keyed, in one place.</summary>
public static class GrainKeys
{
    public const string PodIndex = "pods";
    public const string NodeIndex = "nodes";
    public const string ImageIndex = "images";
    public const string NamespaceIndex = "namespaces";
    public const string DeploymentIndex = "deployments";
    public const string ReplicaSetIndex = "replicasets";
    public const string HorizontalPodAutoscalerIndex = "horizontalpodautoscalers";
    public const string ServiceIndex = "services";

    /// <summary>The one allocator of cluster IPs from the service range.</summary>
    public const string ClusterIpAllocator = "cluster";

    /// <summary>The one change log of the cluster (revisions and watch history).</summary>
    public const string ChangeLog = "cluster";

    /// <summary>Pods still waiting on a message (to be scheduled, or to be stopped).</summary>
    public const string UnsettledPodIndex = "pods-unsettled";

    /// <summary>The garbage collector of one dependent kind.</summary>
    public static string GarbageCollector(DependentKind kind) => kind.ToString().ToLowerInvariant();

    public static string Pod(string @namespace, string name) => $"{@namespace}/{name}";

    /// <summary>The key of any namespaced object within its kind's grains: namespace/name.</summary>
    public static string Namespaced(string @namespace, string name) => $"{@namespace}/{name}";

    public static (string Namespace, string Name) ParsePod(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
