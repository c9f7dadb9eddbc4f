using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Patching;
using Platform.Api.Selection;
using Platform.Api.Serialization;
using Platform.ApiGateway.Api;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources;

/// <summary>The scale subresource of Deployments (autoscaling/v1 Scale): what kubectl scale and autoscalers use.</summary>
public static class ScaleEndpoints
{
    private const string Path = "/apis/apps/v1/namespaces/{ns}/deployments/{name}/scale";

    public static void MapScale(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string ns, string name, IGrainFactory grains) =>
            await grains.GetGrain<IDeploymentGrain>(GrainKeys.Namespaced(ns, name)).Get() is { } d
                ? Results.Json(ScaleOf(d), ApiJson.Options)
                : ApiErrors.NotFound("deployments.apps", name));
        app.MapPut(Path, (string ns, string name, HttpRequest request, IGrainFactory grains) => Change(ns, name, request, grains, patch: false));
        app.MapPatch(Path, (string ns, string name, HttpRequest request, IGrainFactory grains) => Change(ns, name, request, grains, patch: true));
    }

    private static async Task<IResult> Change(string ns, string name, HttpRequest request, IGrainFactory grains, bool patch)
    {
        var grain = grains.GetGrain<IDeploymentGrain>(GrainKeys.Namespaced(ns, name));
        if (await grain.Get() is not { } deployment)
        {
            return ApiErrors.NotFound("deployments.apps", name);
        }

        var replicas = await ReadReplicas(request, ScaleOf(deployment), patch);
        if (replicas.Error is not null)
        {
            return replicas.Error;
        }

        if (replicas.Value < 0)
        {
            return ApiErrors.Invalid("Scale", name, [Platform.Api.Validation.FieldError.Invalid("spec.replicas", replicas.Value.ToString(), "must be greater than or equal to 0")]);
        }

        deployment.Spec.Replicas = replicas.Value;
        deployment.Metadata.ResourceVersion = null;
        var result = await grain.Update(deployment);
        return result.Object is { } updated && result.Outcome is WriteOutcome.Updated or WriteOutcome.Unchanged
            ? Results.Json(ScaleOf(updated), ApiJson.Options)
            : ApiErrors.Conflict(result.Message ?? "the deployment could not be scaled");
    }

    private static async Task<(int Value, IResult? Error)> ReadReplicas(HttpRequest request, Scale current, bool patch)
    {
        if (patch)
        {
            var body = await PatchBodyText(request);
            var merged = body is JsonObject patchObject
                ? JsonMergePatch.Apply(JsonSerializer.SerializeToNode(current, ApiJson.Options), patchObject)
                : null;
            return merged?["spec"]?["replicas"] is JsonValue v && v.TryGetValue<int>(out var n)
                ? (n, null)
                : (0, ApiErrors.BadRequest("the patch must set spec.replicas to an integer"));
        }

        var read = await ManifestBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (read.Error is not null)
        {
            return (0, read.Error);
        }

        try
        {
            var scale = ManifestReader.Deserialize<Scale>(read.Object!);
            return scale.Spec.Replicas is { } r ? (r, null) : (0, ApiErrors.BadRequest("spec.replicas is required"));
        }
        catch (ManifestFormatException e)
        {
            return (0, ApiErrors.BadRequest(e.Message));
        }
    }

    private static async Task<JsonNode?> PatchBodyText(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Scale ScaleOf(Deployment d) => new()
    {
        ApiVersion = "autoscaling/v1",
        Kind = "Scale",
        Metadata = new ObjectMeta
        {
            Name = d.Metadata.Name,
            Namespace = d.Metadata.Namespace,
            Uid = d.Metadata.Uid,
            ResourceVersion = d.Metadata.ResourceVersion,
            CreationTimestamp = d.Metadata.CreationTimestamp,
        },
        Spec = new ScaleSpec { Replicas = d.Spec.Replicas },
        Status = new ScaleStatus { Replicas = d.Status?.Replicas ?? 0, Selector = LabelSelection.From(d.Spec.Selector).ToString() },
    };
}
