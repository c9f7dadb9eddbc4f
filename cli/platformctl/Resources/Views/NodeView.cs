using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

internal sealed class NodeView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        NodeColumns.Table(items.Select(ApiObjects.As<Node>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => DescribeNode.Render(ApiObjects.As<Node>(item), zone);
}
