namespace Platform.Api.Model;

/// <summary>A machine that runs pods, registered by its node agent.</summary>
public sealed class Node : TypeMeta, IApiObject
{
    public const string KindName = "Node";

    public ObjectMeta Metadata { get; set; } = new();
    public NodeSpec Spec { get; set; } = new();
    public NodeStatus? Status { get; set; }
}

public sealed class NodeSpec
{
    public bool? Unschedulable { get; set; }
    public List<Taint>? Taints { get; set; }
}

public sealed class NodeStatus
{
    public Dictionary<string, string>? Capacity { get; set; }
    public Dictionary<string, string>? Allocatable { get; set; }
    public List<NodeCondition>? Conditions { get; set; }
    public List<NodeAddress>? Addresses { get; set; }
    public NodeDaemonEndpoints? DaemonEndpoints { get; set; }
    public NodeSystemInfo? NodeInfo { get; set; }
}

public sealed class NodeCondition
{
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? LastHeartbeatTime { get; set; }
    public DateTimeOffset? LastTransitionTime { get; set; }
}

public sealed class NodeAddress
{
    public string? Type { get; set; }
    public string? Address { get; set; }
}

public sealed class NodeDaemonEndpoints
{
    public DaemonEndpoint? KubeletEndpoint { get; set; }
}

public sealed class DaemonEndpoint
{
    public int Port { get; set; }
}

public sealed class NodeSystemInfo
{
    public string? KernelVersion { get; set; }
    public string? OsImage { get; set; }
    public string? OperatingSystem { get; set; }
    public string? Architecture { get; set; }
    public string? KubeletVersion { get; set; }
    public string? ContainerRuntimeVersion { get; set; }
}
