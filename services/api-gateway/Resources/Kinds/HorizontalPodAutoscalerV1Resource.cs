using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Autoscaling;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>
/// autoscaling/v1 HorizontalPodAutoscalers (what kubectl 1.32's autoscale creates): the same objects as autoscaling/v2,
/// converted on the way in and out. v2 is the stored and preferred version.
/// </summary>
public sealed class HorizontalPodAutoscalerV1Resource : ResourceHandler
{
    private readonly HorizontalPodAutoscalerResource v2 = new();

    public override ResourceKind Kind { get; } = new("autoscaling", "v1", "horizontalpodautoscalers", HorizontalPodAutoscaler.KindName, true, ["hpa"], ResourceKind.AllVerbs, []);

    public override Type ObjectType => typeof(HorizontalPodAutoscalerV1);

    public override TableDefinition Table => v2.Table;

    public override ObjectWriter? Writer => new V1Writer(v2.Writer!);

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace) =>
        (await v2.List(grains, @namespace)).Select(Down).ToList();

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await v2.Get(grains, @namespace, name) is { } item ? Down(item) : null;

    private static IApiObject Down(IApiObject item) => AutoscalingV1Conversion.FromV2((HorizontalPodAutoscaler)item);

    private sealed class V1Writer(ObjectWriter v2) : ObjectWriter
    {
        public override void ApplyDefaults(IApiObject item, string? @namespace)
        {
            var v1 = (HorizontalPodAutoscalerV1)item;
            v1.Metadata.Namespace = @namespace;
            v1.Spec.MinReplicas ??= 1;
            v1.ApiVersion = "autoscaling/v1";
            v1.Kind = HorizontalPodAutoscaler.KindName;
        }

        public override IReadOnlyList<FieldError> ValidateCreate(IApiObject item) => v2.ValidateCreate(Up(item));

        public override async Task<WriteResult<IApiObject>> Create(IGrainFactory grains, IApiObject item) =>
            Down(await v2.Create(grains, Up(item)));

        public override async Task<WriteResult<IApiObject>> Update(IGrainFactory grains, IApiObject item)
        {
            // v1 cannot carry v2's behavior or other metrics: keep what the stored object has beyond the cpu target.
            var up = Up(item);
            if (await grains.GetGrain<IHorizontalPodAutoscalerGrain>(GrainKeys.Namespaced(item.Metadata.Namespace!, item.Metadata.Name!)).Get() is { } stored)
            {
                up.Spec.Behavior = stored.Spec.Behavior;
                up.Spec.Metrics = (up.Spec.Metrics ?? []).Concat((stored.Spec.Metrics ?? []).Where(m => m.Resource?.Name != ResourceNames.Cpu)).ToList();
            }

            return Down(await v2.Update(grains, up));
        }

        public override async Task<WriteResult<IApiObject>> Delete(IGrainFactory grains, string? @namespace, string name, DeletePropagation propagation) =>
            Down(await v2.Delete(grains, @namespace, name, propagation));

        public override IApiObject Deserialize(JsonObject document) => ManifestReader.Deserialize<HorizontalPodAutoscalerV1>(document);

        /// <summary>The v2 object, with v2's defaults (cpu at 80 % when no target, the default behavior).</summary>
        private HorizontalPodAutoscaler Up(IApiObject item)
        {
            var converted = AutoscalingV1Conversion.ToV2((HorizontalPodAutoscalerV1)item);
            v2.ApplyDefaults(converted, item.Metadata.Namespace);
            return converted;
        }

        private static WriteResult<IApiObject> Down(WriteResult<IApiObject> result) =>
            result with { Object = result.Object is HorizontalPodAutoscaler hpa ? AutoscalingV1Conversion.FromV2(hpa) : result.Object };
    }
}
