using System.Text.Json.Nodes;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>How one kind is shown: its `get` table and its `describe` text.</summary>
internal interface IResourceView
{
    string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now);

    string Describe(JsonNode item, TimeZoneInfo zone);
}

internal static class ResourceViews
{
    /// <summary>The view of each kind with columns of its own; every other kind gets NAME and AGE.</summary>
    private static readonly Dictionary<ResourceKind, IResourceView> Typed = new()
    {
        [ResourceKinds.Pod] = new PodView(),
        [ResourceKinds.Node] = new NodeView(),
        [ResourceKinds.Image] = new ImageView(),
        [ResourceKinds.HorizontalPodAutoscaler] = new AutoscalerView(),
        [ResourceKinds.Service] = new ServiceView(),
        [ResourceKinds.Endpoints] = new EndpointsView(),
        [ResourceKinds.Deployment] = new DeploymentView(),
        [ResourceKinds.ReplicaSet] = new ReplicaSetView(),
    };

    public static IResourceView For(ResourceKind kind) => Typed.GetValueOrDefault(kind) ?? GenericView.Instance;
}
