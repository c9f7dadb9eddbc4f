using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>Images as the cluster knows them (which nodes hold them).</summary>
internal sealed class ImageView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        ClusterImageColumns.Table(items.Select(ApiObjects.As<Image>));

    public string Describe(JsonNode item, TimeZoneInfo zone) => JsonOutput.Render(item);
}
