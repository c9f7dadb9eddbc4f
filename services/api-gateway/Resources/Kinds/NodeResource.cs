using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>Nodes exist by their agents' registration; users may update them (cordon, labels, taints).</summary>
public sealed class NodeResource : ResourceHandler
{
    public override ResourceKind Kind { get; } = new("", "v1", "nodes", Node.KindName, false, ["no"], ["get", "list", "watch", "update", "patch"], ["status"]);

    public override Type ObjectType => typeof(Node);

    public override ObjectWriter? Writer { get; } = new NodeWriter();

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("node"),
            new("Status", "string", "The status of the node"),
            new("Roles", "string", "The roles of the node"),
            Columns.Age,
            new("Version", "string", "Kubelet Version reported by the node."),
            new("Internal-IP", "string", "List of internal IPs for the node.", 1),
            new("External-IP", "string", "List of external IPs for the node.", 1),
            new("OS-Image", "string", "OS image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 12).", 1),
            new("Kernel-Version", "string", "Kernel version reported by the node from 'uname -r'.", 1),
            new("Container-Runtime", "string", "Container runtime version reported by the node.", 1),
        ],
        (item, now) => Row((Node)item, now));

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        var nodes = await Task.WhenAll(names.Select(n => grains.GetGrain<INodeGrain>(n).Get()));
        return nodes.OfType<Node>().ToList();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await grains.GetGrain<INodeGrain>(name).Get();

    private static object?[] Row(Node node, DateTimeOffset now)
    {
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status == "True" ? "Ready" : "NotReady";
        if (node.Spec.Unschedulable == true)
        {
            ready += ",SchedulingDisabled";
        }

        return
        [
            node.Metadata.Name,
            ready,
            "<none>",
            Age.Since(node.Metadata.CreationTimestamp, now),
            node.Status?.NodeInfo?.KubeletVersion ?? "",
            Columns.OrNone(node.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address),
            "<none>",
            node.Status?.NodeInfo?.OsImage ?? "",
            node.Status?.NodeInfo?.KernelVersion ?? "",
            node.Status?.NodeInfo?.ContainerRuntimeVersion ?? "",
        ];
    }
}
