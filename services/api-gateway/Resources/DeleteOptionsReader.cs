using System.Text.Json.Nodes;
using Platform.Api.Validation;
using Platform.ApiGateway.Api;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources;

/// <summary>
/// What a DELETE asks for: Kubernetes' DeleteOptions from the body (propagationPolicy, or the older orphanDependents)
/// or from the <c>propagationPolicy</c> query parameter. Background when nothing is said.
/// </summary>
public static class DeleteOptionsReader
{
    public sealed record Result(DeletePropagation Propagation, IResult? Error);

    private static readonly string[] Policies = [nameof(DeletePropagation.Orphan), nameof(DeletePropagation.Background), nameof(DeletePropagation.Foreground)];

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? policy = request.Query["propagationPolicy"];
        bool? orphanDependents = null;
        if (HasBody(request) && !IsProtobuf(request))
        {
            var body = await ManifestBody.ReadAsync(request, cancellationToken);
            if (body.Error is not null)
            {
                return new(DeletePropagation.Background, body.Error);
            }

            policy = body.Object!["propagationPolicy"]?.GetValue<string>() ?? policy;
            orphanDependents = body.Object["orphanDependents"] is JsonValue orphan ? orphan.GetValue<bool>() : null;
        }

        return Decide(policy, orphanDependents);
    }

    /// <summary>The policy named, checked as Kubernetes' ValidateDeleteOptions does.</summary>
    public static Result Decide(string? policy, bool? orphanDependents)
    {
        if (policy is not null && orphanDependents is not null)
        {
            return Invalid(FieldError.Invalid("propagationPolicy", policy, "orphanDependents and deletionPropagation cannot be both set"));
        }

        if (orphanDependents is { } orphan)
        {
            return new(orphan ? DeletePropagation.Orphan : DeletePropagation.Background, null);
        }

        if (string.IsNullOrEmpty(policy))
        {
            return new(DeletePropagation.Background, null);
        }

        return Enum.TryParse<DeletePropagation>(policy, ignoreCase: false, out var parsed) && Policies.Contains(policy)
            ? new(parsed, null)
            : Invalid(FieldError.NotSupported("propagationPolicy", policy, Policies));
    }

    private static Result Invalid(FieldError error) =>
        new(DeletePropagation.Background, ApiErrors.Invalid("DeleteOptions", null, [error]));

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;

    /// <summary>A protobuf DeleteOptions is not read (only the query parameter counts then); kubectl sends JSON.</summary>
    private static bool IsProtobuf(HttpRequest request) =>
        request.ContentType?.StartsWith(Api.Protobuf.ProtobufBody.ContentType, StringComparison.OrdinalIgnoreCase) == true;
}
