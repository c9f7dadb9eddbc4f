using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Serialization;

namespace Platform.ApiGateway.Api;

/// <summary>Reads a request body that holds one object, as JSON or YAML, never more than the size limit.</summary>
public static class ManifestBody
{
    public const int MaxBytes = 1024 * 1024;

    public sealed record Result(JsonObject? Object, IResult? Error);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith(Protobuf.ProtobufBody.ContentType, StringComparison.OrdinalIgnoreCase) == true)
        {
            return await ReadProtobufAsync(request, cancellationToken);
        }

        if (!IsSupported(request.ContentType))
        {
            return new(null, ApiErrors.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return new(null, ApiErrors.TooLarge(MaxBytes));
        }

        var text = await ReadLimitedAsync(request.Body, cancellationToken);
        if (text is null)
        {
            return new(null, ApiErrors.TooLarge(MaxBytes));
        }

        try
        {
            var documents = ManifestReader.ReadDocuments(text);
            return documents.Count == 1
                ? new(documents[0], null)
                : new(null, ApiErrors.BadRequest($"the body must hold exactly one object, found {documents.Count}"));
        }
        catch (ManifestFormatException e)
        {
            return new(null, ApiErrors.BadRequest(e.Message));
        }
    }

    /// <summary>kubectl's typed client writes some built-in kinds in protobuf (see <see cref="Protobuf.ProtobufBody"/>).</summary>
    private static async Task<Result> ReadProtobufAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return new(null, ApiErrors.TooLarge(MaxBytes));
        }

        try
        {
            return Protobuf.ProtobufBody.Decode(buffer.ToArray()) is { } document
                ? new(document, null)
                : new(null, ApiErrors.UnsupportedMediaType(request.ContentType));
        }
        catch (FormatException e)
        {
            return new(null, ApiErrors.BadRequest($"the protobuf body cannot be read: {e.Message}"));
        }
    }

    private static bool IsSupported(string? contentType) =>
        contentType is null
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/yaml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/x-yaml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as UTF-8 text, or null when it exceeds the limit (a chunked body has no length up front).</summary>
    private static async Task<string?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
