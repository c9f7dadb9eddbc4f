using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Selection;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class ReplicaSetResource() : GrainResourceHandler<ReplicaSet, IReplicaSetGrain>(GrainKeys.ReplicaSetIndex)
{
    public override ResourceKind Kind { get; } = new("apps", "v1", "replicasets", ReplicaSet.KindName, true, ["rs"], ResourceKind.AllVerbs, ["scale", "status"]);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("replica set"),
            new("Desired", "integer", "Number of desired pods."),
            new("Current", "integer", "Number of actual replicas."),
            new("Ready", "integer", "The number of ready replicas for this replica set."),
            Columns.Age,
            new("Containers", "string", "Names of each container in the template.", 1),
            new("Images", "string", "Images referenced by each container in the template.", 1),
            new("Selector", "string", "Label selector for pods.", 1),
        ],
        (item, now) => Row((ReplicaSet)item, now));

    protected override void Defaults(ReplicaSet item, string? @namespace) => WorkloadDefaults.Apply(item, @namespace!);

    protected override IReadOnlyList<FieldError> Validate(ReplicaSet item) => WorkloadValidator.ValidateReplicaSet(item);

    private static object?[] Row(ReplicaSet rs, DateTimeOffset now) =>
    [
        rs.Metadata.Name,
        rs.Spec.Replicas ?? 1,
        rs.Status?.Replicas ?? 0,
        rs.Status?.ReadyReplicas ?? 0,
        Age.Since(rs.Metadata.CreationTimestamp, now),
        Columns.Join(rs.Spec.Template.Spec.Containers.Select(c => c.Name)),
        Columns.Join(rs.Spec.Template.Spec.Containers.Select(c => c.Image)),
        LabelSelection.From(rs.Spec.Selector).ToString(),
    ];
}
