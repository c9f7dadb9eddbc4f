using System.Globalization;
using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class PodResource() : GrainResourceHandler<Pod, IPodGrain>(GrainKeys.PodIndex)
{
    public override ResourceKind Kind { get; } = new("", "v1", "pods", Pod.KindName, true, ["po"], ResourceKind.AllVerbs, ["log", "exec", "status"]);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("pod"),
            new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            new("Status", "string", "The aggregate status of the containers in this pod."),
            new("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
            Columns.Age,
            new("IP", "string", "IP address allocated to the pod.", 1),
            new("Node", "string", "Name of the node the pod is assigned to.", 1),
            new("Nominated Node", "string", "Name of the node the pod is nominated to.", 1),
            new("Readiness Gates", "string", "Readiness gates of the pod.", 1),
        ],
        (item, now) => Row((Pod)item, now));

    protected override void Defaults(Pod item, string? @namespace) => PodDefaults.Apply(item, @namespace!);

    protected override IReadOnlyList<FieldError> Validate(Pod item) => PodValidator.ValidateCreate(item);

    private static object?[] Row(Pod pod, DateTimeOffset now)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var ready = statuses.Count(s => s.Ready);
        var restarts = statuses.Sum(s => s.RestartCount);
        var lastRestart = statuses.Select(s => s.LastState?.Terminated?.FinishedAt).Where(t => t is not null).Max();
        return
        [
            pod.Metadata.Name,
            string.Create(CultureInfo.InvariantCulture, $"{ready}/{pod.Spec.Containers.Count}"),
            PodStatusText.For(pod),
            lastRestart is null || restarts == 0
                ? restarts.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{restarts} ({Age.Since(lastRestart, now)} ago)"),
            Age.Since(pod.Metadata.CreationTimestamp, now),
            Columns.OrNone(pod.Status?.PodIP),
            Columns.OrNone(pod.Spec.NodeName),
            "<none>",
            "<none>",
        ];
    }
}
