using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Commands;

/// <summary>How one resource type is addressed on the API and shown to the user.</summary>
internal interface IResourceView
{
    ResourceKind Kind { get; }

    string ListPath(string @namespace, bool allNamespaces);

    string ItemPath(string @namespace, string name);

    string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now);

    string Describe(JsonNode item, TimeZoneInfo zone);

    string NoResourcesMessage(string @namespace, bool allNamespaces);
}

internal static class ResourceViews
{
    public static IResourceView For(ResourceKind kind) => kind switch
    {
        ResourceKind.Pod => new PodView(),
        ResourceKind.Image => new ImageView(),
        _ => new NodeView(),
    };
}
