using Platform.Api.Model;

namespace Platform.Grains.Workloads;

/// <summary>The persisted state of a Deployment grain: the object and the ReplicaSets it owns (name → uid).</summary>
public sealed class DeploymentRecord
{
    public Deployment? Deployment { get; set; }

    /// <summary>Owned ReplicaSets. A name is added before the ReplicaSet is created (persist before acting).</summary>
    public Dictionary<string, string?> ReplicaSets { get; set; } = [];
}
