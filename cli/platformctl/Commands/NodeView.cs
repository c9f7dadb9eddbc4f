using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Client;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>Nodes are cluster-wide: the namespace is ignored.</summary>
internal sealed class NodeView : IResourceView
{
    public ResourceKind Kind => ResourceKind.Node;

    public string ListPath(string @namespace, bool allNamespaces) => ApiPaths.Nodes;

    public string ItemPath(string @namespace, string name) => ApiPaths.Node(name);

    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        NodeColumns.Table(items.Select(ApiObjects.As<Node>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => DescribeNode.Render(ApiObjects.As<Node>(item), zone);

    public string NoResourcesMessage(string @namespace, bool allNamespaces) => "No resources found";
}
