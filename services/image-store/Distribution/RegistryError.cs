using System.Text.Json;

namespace Platform.ImageStore.Distribution;

/// <summary>
/// One error of the distribution spec's error table: its code, the HTTP status it is answered with,
/// a message for people and a detail for programs.
/// </summary>
public sealed record RegistryError(string Code, int Status, string Message, object? Detail = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static RegistryError BlobUnknown(Digest digest) =>
        new("BLOB_UNKNOWN", 404, "blob unknown to registry", new { digest = digest.ToString() });

    public static RegistryError BlobUploadInvalid(string message) => new("BLOB_UPLOAD_INVALID", 400, message);

    public static RegistryError ChunkOutOfOrder(long expected, long actual) =>
        new("BLOB_UPLOAD_INVALID", 416, "chunk out of order: the upload continues at another offset", new { expected, actual });

    public static RegistryError BlobUploadUnknown(string id) =>
        new("BLOB_UPLOAD_UNKNOWN", 404, "blob upload unknown to registry", new { upload = id });

    public static RegistryError DigestInvalid(string? digest) =>
        new("DIGEST_INVALID", 400, "provided digest is not a valid sha256 digest", new { digest });

    public static RegistryError DigestMismatch(Digest expected, Digest actual) =>
        new("DIGEST_INVALID", 400, "provided digest did not match uploaded content",
            new { expected = expected.ToString(), actual = actual.ToString() });

    public static RegistryError ManifestBlobUnknown(IReadOnlyList<Digest> missing) =>
        new("MANIFEST_BLOB_UNKNOWN", 400, "manifest references a blob or manifest unknown to this repository",
            new { digests = missing.Select(d => d.ToString()).ToArray() });

    public static RegistryError ManifestInvalid(string reason) => new("MANIFEST_INVALID", 400, "manifest invalid", new { reason });

    public static RegistryError ManifestUnknown(string reference) =>
        new("MANIFEST_UNKNOWN", 404, "manifest unknown to registry", new { reference });

    public static RegistryError NameInvalid(string name) =>
        new("NAME_INVALID", 400, "invalid repository name", new { name });

    public static RegistryError NameUnknown(RepositoryName name) =>
        new("NAME_UNKNOWN", 404, "repository name not known to registry", new { name = name.Value });

    public static RegistryError SizeInvalid(string reason) => new("SIZE_INVALID", 400, "provided length did not match content length", new { reason });

    public static RegistryError ManifestTooLarge(long limit) =>
        new("SIZE_INVALID", 413, "manifest too large", new { limit });

    public static RegistryError Unauthorized() => new("UNAUTHORIZED", 401, "authentication required");

    public static RegistryError ReadOnly() =>
        new("DENIED", 403, "requested access to the resource is denied", new { reason = "the registry is read-only" });

    public static RegistryError Unsupported(string method, string path) =>
        new("UNSUPPORTED", 405, "the operation is unsupported", new { method, path });

    public static RegistryError UnknownPath(string path) =>
        new("UNSUPPORTED", 404, "no such API endpoint", new { path });

    public static RegistryError PaginationInvalid(string? n) =>
        new("PAGINATION_NUMBER_INVALID", 400, "invalid number of results requested", new { n });

    public static RegistryError TooManyUploads(int limit) =>
        new("TOOMANYREQUESTS", 429, "too many requests", new { reason = "too many open uploads", limit });

    /// <summary>The error as a response; serialized up front so that it carries a Content-Length, as the spec shows.</summary>
    public IResult ToResult() =>
        new ErrorResult(Status, JsonSerializer.SerializeToUtf8Bytes(new ErrorBody([new ErrorEntry(Code, Message, Detail)]), JsonOptions));

    private sealed record ErrorBody(IReadOnlyList<ErrorEntry> Errors);

    private sealed record ErrorEntry(string Code, string Message, object? Detail);

    private sealed class ErrorResult(int status, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
