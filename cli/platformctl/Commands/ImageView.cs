using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Client;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>Images as the cluster knows them (which nodes hold them): cluster-wide, read-only.</summary>
internal sealed class ImageView : IResourceView
{
    public ResourceKind Kind => ResourceKind.Image;

    public string ListPath(string @namespace, bool allNamespaces) => ApiPaths.Images;

    public string ItemPath(string @namespace, string name) => ApiPaths.Image(name);

    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        ClusterImageColumns.Table(items.Select(ApiObjects.As<Image>));

    public string Describe(JsonNode item, TimeZoneInfo zone) => item.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";

    public string NoResourcesMessage(string @namespace, bool allNamespaces) => "No resources found";
}
