using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Autoscaling;

namespace Platform.ApiGateway.Resources.Kinds;

public sealed class HorizontalPodAutoscalerResource()
    : GrainResourceHandler<HorizontalPodAutoscaler, IHorizontalPodAutoscalerGrain>(GrainKeys.HorizontalPodAutoscalerIndex)
{
    public override ResourceKind Kind { get; } = new("autoscaling", "v2", "horizontalpodautoscalers", HorizontalPodAutoscaler.KindName, true, ["hpa"], ResourceKind.AllVerbs, []);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("horizontal pod autoscaler"),
            new("Reference", "string", "Reference to the target being scaled."),
            new("Targets", "string", "Current and target metric values."),
            new("MinPods", "string", "Lower limit for the number of pods."),
            new("MaxPods", "integer", "Upper limit for the number of pods."),
            new("Replicas", "integer", "Current number of replicas of pods managed by this autoscaler."),
            Columns.Age,
        ],
        (item, now) => Row((HorizontalPodAutoscaler)item, now));

    protected override void Defaults(HorizontalPodAutoscaler item, string? @namespace) => AutoscalingDefaults.Apply(item, @namespace!);

    protected override IReadOnlyList<FieldError> Validate(HorizontalPodAutoscaler item) => AutoscalerValidator.Validate(item);

    private static object?[] Row(HorizontalPodAutoscaler hpa, DateTimeOffset now) =>
    [
        hpa.Metadata.Name,
        $"{hpa.Spec.ScaleTargetRef.Kind}/{hpa.Spec.ScaleTargetRef.Name}",
        AutoscalerTargets.Format(hpa),
        hpa.Spec.MinReplicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "<unset>",
        hpa.Spec.MaxReplicas,
        hpa.Status?.CurrentReplicas ?? 0,
        Age.Since(hpa.Metadata.CreationTimestamp, now),
    ];
}
