using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Patching;
using Platform.ApiGateway.Api;

namespace Platform.ApiGateway.Resources;

/// <summary>A PATCH request's body and how it applies, chosen by its content type as Kubernetes does.</summary>
public sealed class PatchBody
{
    private const string MergePatchType = "application/merge-patch+json";
    private const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    private const string JsonPatchType = "application/json-patch+json";
    private const string ApplyPatchType = "application/apply-patch+yaml";

    private readonly Func<JsonNode, JsonNode?>? apply;

    private PatchBody(Func<JsonNode, JsonNode?>? apply, IResult? error, bool setsResourceVersion)
    {
        this.apply = apply;
        Error = error;
        SetsResourceVersion = setsResourceVersion;
    }

    public IResult? Error { get; }

    /// <summary>A patch that names a resourceVersion asks for optimistic concurrency: a conflict is the answer, not a retry.</summary>
    public bool SetsResourceVersion { get; }

    public JsonNode? Apply(JsonNode current) => apply!(current);

    public static async Task<PatchBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is ApplyPatchType)
        {
            return Fail(ApiErrors.Failure(415, "UnsupportedMediaType", "server-side apply is not supported; use client-side apply (kubectl apply without --server-side)"));
        }

        if (type is not (MergePatchType or StrategicMergePatchType or JsonPatchType))
        {
            return Fail(ApiErrors.UnsupportedMediaType(request.ContentType));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (text.Length > ManifestBody.MaxBytes)
        {
            return Fail(ApiErrors.TooLarge(ManifestBody.MaxBytes));
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Fail(ApiErrors.BadRequest($"the patch is not valid JSON: {e.Message}"));
        }

        return type switch
        {
            JsonPatchType => patch is JsonArray operations
                ? new PatchBody(current => JsonPatch.Apply(current, operations), null, false)
                : Fail(ApiErrors.BadRequest("a JSON patch must be an array of operations")),
            _ when patch is not JsonObject => Fail(ApiErrors.BadRequest("a merge patch must be a JSON object")),
            StrategicMergePatchType => new PatchBody(current => StrategicMergePatch.Apply(current, patch), null, NamesVersion(patch)),
            _ => new PatchBody(current => JsonMergePatch.Apply(current, patch), null, NamesVersion(patch)),
        };
    }

    private static bool NamesVersion(JsonNode? patch) => patch?["metadata"]?["resourceVersion"] is not null;

    private static PatchBody Fail(IResult error) => new(null, error, false);
}
