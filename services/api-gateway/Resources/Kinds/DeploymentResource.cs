using System.Globalization;
using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Selection;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class DeploymentResource() : GrainResourceHandler<Deployment, IDeploymentGrain>(GrainKeys.DeploymentIndex)
{
    public override ResourceKind Kind { get; } = new("apps", "v1", "deployments", Deployment.KindName, true, ["deploy"], ResourceKind.AllVerbs, ["scale", "status"]);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("deployment"),
            new("Ready", "string", "Number of the pod with ready state"),
            new("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
            new("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
            Columns.Age,
            new("Containers", "string", "Names of each container in the template.", 1),
            new("Images", "string", "Images referenced by each container in the template.", 1),
            new("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
        ],
        (item, now) => Row((Deployment)item, now));

    protected override void Defaults(Deployment item, string? @namespace) => WorkloadDefaults.Apply(item, @namespace!);

    protected override IReadOnlyList<FieldError> Validate(Deployment item) => WorkloadValidator.ValidateDeployment(item);

    private static object?[] Row(Deployment d, DateTimeOffset now) =>
    [
        d.Metadata.Name,
        string.Create(CultureInfo.InvariantCulture, $"{d.Status?.ReadyReplicas ?? 0}/{d.Spec.Replicas ?? 1}"),
        d.Status?.UpdatedReplicas ?? 0,
        d.Status?.AvailableReplicas ?? 0,
        Age.Since(d.Metadata.CreationTimestamp, now),
        Columns.Join(d.Spec.Template.Spec.Containers.Select(c => c.Name)),
        Columns.Join(d.Spec.Template.Spec.Containers.Select(c => c.Image)),
        LabelSelection.From(d.Spec.Selector).ToString(),
    ];
}
