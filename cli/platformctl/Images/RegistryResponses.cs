using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>Reads the answers of the registry calls <see cref="RegistryClient"/> does not make: JSON bodies and the spec's error JSON.</summary>
internal static class RegistryResponses
{
    // An error body or a listing page is small; more than this is not read.
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The JSON body of a successful answer; a <see cref="RegistryException"/> with the registry's error code otherwise.</summary>
    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, body);
        }

        return body ?? throw new RegistryException(response.StatusCode, "UNKNOWN", $"{response.RequestMessage?.RequestUri} answered with a body that is not JSON");
    }

    /// <summary>Throws the registry's refusal when the answer is not a success; the body of a success is not read.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, await ReadBodyAsync(response, cancellationToken));
        }
    }

    private static RegistryException Failure(HttpResponseMessage response, JsonNode? body)
    {
        var error = body?["errors"] is JsonArray { Count: > 0 } errors ? errors[0] : null;
        return new RegistryException(
            response.StatusCode,
            Text(error?["code"]) ?? DefaultCode(response.StatusCode),
            Text(error?["message"]) ?? response.ReasonPhrase ?? string.Empty);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > MaxBodyBytes)
            {
                return null;
            }

            content.Write(buffer, 0, read);
        }

        try
        {
            return content.Length == 0 ? null : JsonNode.Parse(content.GetBuffer().AsSpan(0, (int)content.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string DefaultCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "UNAUTHORIZED",
        HttpStatusCode.Forbidden => "DENIED",
        HttpStatusCode.NotFound => "NAME_UNKNOWN",
        _ => "UNKNOWN",
    };
}
