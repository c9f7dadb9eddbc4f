using Platform.Api.Model;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Workloads;

/// <summary>The persisted state of a ReplicaSet grain: the object and what it knows of the pods it made.</summary>
public sealed class ReplicaSetRecord
{
    public ReplicaSet? ReplicaSet { get; set; }

    /// <summary>Pods this ReplicaSet created, by name. A name is added before the pod is created (persist before acting).</summary>
    public Dictionary<string, OwnedPod> Pods { get; set; } = [];
}
