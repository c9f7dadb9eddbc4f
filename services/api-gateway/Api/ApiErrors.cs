using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;

namespace Platform.ApiGateway.Api;

/// <summary>Failed requests answered as Kubernetes answers them: a Status object with the HTTP code.</summary>
public static class ApiErrors
{
    public static IResult BadRequest(string message) => Failure(400, "BadRequest", message);

    public static IResult Unauthorized() => Failure(401, "Unauthorized", "Unauthorized: a valid bearer token is required");

    public static IResult NotFound(string kind, string name) =>
        Failure(404, "NotFound", $"{kind} \"{name}\" not found", new StatusDetails { Name = name, Kind = kind });

    public static IResult AlreadyExists(string kind, string name) =>
        Failure(409, "AlreadyExists", $"{kind} \"{name}\" already exists", new StatusDetails { Name = name, Kind = kind });

    public static IResult Conflict(string message) => Failure(409, "Conflict", message);

    public static IResult TooLarge(long limit) =>
        Failure(413, "RequestEntityTooLarge", $"the request body is larger than the limit of {limit} bytes");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format: {contentType}; accepted: application/json, application/yaml");

    public static IResult Invalid(string kind, string? name, IReadOnlyList<FieldError> errors) =>
        Failure(422, "Invalid", new ValidationException(kind, name, errors).Message, new StatusDetails
        {
            Name = name,
            Kind = kind.ToLowerInvariant() + "s",
            Causes = errors.Select(e => new StatusCause { Reason = e.Type, Message = e.Detail, Field = e.Field }).ToList(),
        });

    public static IResult Unavailable(string message) => Failure(503, "ServiceUnavailable", message);

    public static IResult Failure(int code, string reason, string message, StatusDetails? details = null) =>
        Results.Json(new Status
        {
            ApiVersion = "v1",
            Kind = "Status",
            Outcome = "Failure",
            Message = message,
            Reason = reason,
            Details = details,
            Code = code,
        }, ApiJson.Options, statusCode: code);
}
