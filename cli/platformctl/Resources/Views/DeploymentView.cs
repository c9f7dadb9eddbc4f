using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Resources.Views;

/// <summary>Deployments with kubectl's columns; described as metadata, spec and status (the generic describer).</summary>
internal sealed class DeploymentView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        DeploymentColumns.Table(items.Select(ApiObjects.As<Deployment>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => GenericView.Instance.Describe(item, zone);
}

/// <summary>ReplicaSets with kubectl's columns; described by the generic describer.</summary>
internal sealed class ReplicaSetView : IResourceView
{
    public string Table(IReadOnlyList<JsonNode> items, TableOptions options, DateTimeOffset now) =>
        DeploymentColumns.ReplicaSetTable(items.Select(ApiObjects.As<ReplicaSet>), options, now);

    public string Describe(JsonNode item, TimeZoneInfo zone) => GenericView.Instance.Describe(item, zone);
}
