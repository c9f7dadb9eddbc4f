using System.Globalization;
using Platform.Api.Model;

namespace Platform.Grains.Nodes;

/// <summary>Renders a node grain's record as the Kubernetes Node object.</summary>
internal static class NodeView
{
    public static Node ToNode(string name, NodeRecord record, DateTimeOffset? lastHeartbeat, bool ready) => new()
    {
        ApiVersion = "v1",
        Kind = Node.KindName,
        Metadata = new ObjectMeta
        {
            Name = name,
            Uid = record.Uid,
            CreationTimestamp = record.CreationTimestamp,
            ResourceVersion = record.ResourceVersion.ToString(CultureInfo.InvariantCulture),
            Labels = NodeLabels.Of(name, record),
            Annotations = record.Annotations.Count > 0 ? new(record.Annotations) : null,
        },
        Spec = new NodeSpec
        {
            Unschedulable = record.Unschedulable ? true : null,
            Taints = record.Taints.Count > 0 ? [.. record.Taints] : null,
        },
        Status = new NodeStatus
        {
            Capacity = WithPods(record.Capacity.ToResourceList(), record.MaxPods),
            Allocatable = WithPods(record.Allocatable.ToResourceList(), record.MaxPods),
            Conditions = [ReadyCondition(lastHeartbeat, ready)],
            Addresses = AddressesOf(record.AgentEndpoint, name),
            DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = PortOf(record.AgentEndpoint) } },
            NodeInfo = record.SystemInfo,
        },
    };

    private static Dictionary<string, string> WithPods(Dictionary<string, string> list, int maxPods)
    {
        list[ResourceNames.Pods] = maxPods.ToString(CultureInfo.InvariantCulture);
        return list;
    }

    private static NodeCondition ReadyCondition(DateTimeOffset? lastHeartbeat, bool ready) => new()
    {
        Type = "Ready",
        Status = lastHeartbeat is null ? "Unknown" : ready ? "True" : "False",
        Reason = lastHeartbeat is null ? "NodeStatusUnknown" : ready ? "KubeletReady" : "NodeStatusUnknown",
        Message = ready ? "node agent is posting ready status" : "node agent stopped posting heartbeats",
        LastHeartbeatTime = lastHeartbeat,
    };

    private static List<NodeAddress> AddressesOf(string? endpoint, string name) =>
    [
        new NodeAddress { Type = "InternalIP", Address = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : null },
        new NodeAddress { Type = "Hostname", Address = name },
    ];

    private static int PortOf(string? endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Port : 0;
}
