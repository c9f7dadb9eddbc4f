using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

internal sealed class AutoscalerView : IResourceView, IDescribesEvents
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        AutoscalerColumns.Table(items.Select(ApiObjects.As<HorizontalPodAutoscaler>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => DescribeAutoscaler.Render(ApiObjects.As<HorizontalPodAutoscaler>(item), zone);
}
