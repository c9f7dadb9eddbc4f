using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

internal sealed class PodView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        PodColumns.Table(items.Select(ApiObjects.As<Pod>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => DescribePod.Render(ApiObjects.As<Pod>(item), zone);
}
