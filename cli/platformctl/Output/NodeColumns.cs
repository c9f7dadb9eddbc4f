using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>
/// The columns of `get nodes`: NAME STATUS ROLES AGE VERSION, and with -o wide
/// INTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.
/// </summary>
internal static class NodeColumns
{
    public const string RoleLabelPrefix = "node-role.kubernetes.io/";

    public static IReadOnlyList<string> Headers(TableOptions options) => options.Wide
        ? ["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]
        : ["NAME", "STATUS", "ROLES", "AGE", "VERSION"];

    public static IReadOnlyList<string> Row(Node node, TableOptions options, DateTimeOffset now)
    {
        var info = node.Status?.NodeInfo;
        var row = new List<string>
        {
            node.Metadata.Name ?? string.Empty,
            Status(node),
            Roles(node),
            Age.Since(node.Metadata.CreationTimestamp, now),
            TableWriter.OrNone(info?.KubeletVersion),
        };
        if (options.Wide)
        {
            row.AddRange([
                TableWriter.OrNone(InternalIP(node)),
                TableWriter.OrNone(info?.OsImage),
                TableWriter.OrNone(info?.KernelVersion),
                TableWriter.OrNone(info?.ContainerRuntimeVersion),
            ]);
        }

        return row;
    }

    public static string Table(IEnumerable<Node> nodes, TableOptions options, DateTimeOffset now) =>
        TableWriter.Render(Headers(options), nodes.Select(node => Row(node, options, now)));

    /// <summary>Ready, NotReady or Unknown from the Ready condition, plus ",SchedulingDisabled" when cordoned.</summary>
    public static string Status(Node node)
    {
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;
        var status = ready switch
        {
            "True" => "Ready",
            "False" => "NotReady",
            _ => "Unknown",
        };
        return node.Spec.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>The roles named by node-role.kubernetes.io/ROLE labels, or "&lt;none&gt;".</summary>
    public static string Roles(Node node)
    {
        var roles = (node.Metadata.Labels ?? [])
            .Keys
            .Where(key => key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) && key.Length > RoleLabelPrefix.Length)
            .Select(key => key[RoleLabelPrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? TableWriter.None : string.Join(',', roles);
    }

    public static string? InternalIP(Node node) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address;
}
