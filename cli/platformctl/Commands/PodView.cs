using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Client;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

internal sealed class PodView : IResourceView
{
    public ResourceKind Kind => ResourceKind.Pod;

    public string ListPath(string @namespace, bool allNamespaces) =>
        allNamespaces ? ApiPaths.AllPods : ApiPaths.Pods(@namespace);

    public string ItemPath(string @namespace, string name) => ApiPaths.Pod(@namespace, name);

    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        PodColumns.Table(items.Select(ApiObjects.As<Pod>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => DescribePod.Render(ApiObjects.As<Pod>(item), zone);

    public string NoResourcesMessage(string @namespace, bool allNamespaces) =>
        allNamespaces ? "No resources found" : $"No resources found in {@namespace} namespace.";
}
