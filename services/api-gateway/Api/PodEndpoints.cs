using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>The pod resource at its Kubernetes paths.</summary>
public static class PodEndpoints
{
    private const string Kind = "pods";

    public static void MapPods(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/pods", (IGrainFactory grains) => List(grains, null));
        app.MapGet("/api/v1/namespaces/{ns}/pods", (string ns, IGrainFactory grains) => List(grains, ns));
        app.MapPost("/api/v1/namespaces/{ns}/pods", Create);
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", Get);
        app.MapPut("/api/v1/namespaces/{ns}/pods/{name}", Replace);
        app.MapDelete("/api/v1/namespaces/{ns}/pods/{name}", Delete);
    }

    private static async Task<IResult> List(IGrainFactory grains, string? @namespace)
    {
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.PodIndex).List(@namespace is null ? null : $"{@namespace}/");
        var pods = await Task.WhenAll(keys.Select(k => grains.GetGrain<IPodGrain>(k).Get()));
        var list = new ObjectList<Pod>
        {
            ApiVersion = "v1",
            Kind = "PodList",
            Items = pods.OfType<Pod>().ToList(),
        };
        return Results.Json(list, ApiJson.Options);
    }

    private static async Task<IResult> Get(string ns, string name, IGrainFactory grains)
    {
        var pod = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Get();
        return pod is null ? ApiErrors.NotFound(Kind, name) : Results.Json(pod, ApiJson.Options);
    }

    private static async Task<IResult> Create(string ns, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var body = await ManifestBody.ReadAsync(request, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var decoded = PodRequests.Decode(body.Object!, ns, pathName: null);
        if (decoded.Error is not null)
        {
            return decoded.Error;
        }

        var pod = decoded.Pod!;
        var errors = PodValidator.ValidateCreate(pod);
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(Pod.KindName, pod.Metadata.Name, errors);
        }

        var result = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, pod.Metadata.Name!)).Create(pod);
        return ToResponse(result, pod.Metadata.Name!);
    }

    private static async Task<IResult> Replace(string ns, string name, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var body = await ManifestBody.ReadAsync(request, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var decoded = PodRequests.Decode(body.Object!, ns, pathName: name);
        if (decoded.Error is not null)
        {
            return decoded.Error;
        }

        var result = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Update(decoded.Pod!);
        return ToResponse(result, name);
    }

    private static async Task<IResult> Delete(string ns, string name, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Delete();
        return ToResponse(result, name);
    }

    private static IResult ToResponse(WriteResult<Pod> result, string name) => result.Outcome switch
    {
        WriteOutcome.Created => Results.Json(result.Object, ApiJson.Options, statusCode: StatusCodes.Status201Created),
        WriteOutcome.Updated or WriteOutcome.Unchanged or WriteOutcome.Deleted => Results.Json(result.Object, ApiJson.Options),
        WriteOutcome.Deleting => Results.Json(result.Object, ApiJson.Options, statusCode: StatusCodes.Status202Accepted),
        WriteOutcome.NotFound => ApiErrors.NotFound(Kind, name),
        WriteOutcome.AlreadyExists => ApiErrors.AlreadyExists(Kind, name),
        WriteOutcome.Conflict => ApiErrors.Conflict(result.Message ?? "conflict"),
        WriteOutcome.Invalid => ApiErrors.Invalid(Pod.KindName, name, result.Errors ?? []),
        _ => ApiErrors.Failure(500, "InternalError", $"unexpected outcome {result.Outcome}"),
    };
}
