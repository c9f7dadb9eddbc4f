using System.Net;
using System.Text.Json;

namespace Platform.Oci.Registry;

/// <summary>Turns a failed response into a <see cref="RegistryException"/> carrying the registry's own error code and message.</summary>
internal static class RegistryErrors
{
    // An error body is small; a larger one is not worth reading whole.
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<RegistryException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response, cancellationToken);
        var error = TryParse(body);
        var code = error?.Code ?? DefaultCode(response.StatusCode);
        var message = error?.Message ?? (body.Length > 0 ? System.Text.Encoding.UTF8.GetString(body).Trim() : response.ReasonPhrase ?? "");
        return new RegistryException(response.StatusCode, code, message);
    }

    private static RegistryError? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body, RegistryJsonContext.Default.RegistryErrorBody)?.Errors?.FirstOrDefault();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DefaultCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "UNAUTHORIZED",
        HttpStatusCode.Forbidden => "DENIED",
        HttpStatusCode.NotFound => "NOT_FOUND",
        HttpStatusCode.TooManyRequests => "TOOMANYREQUESTS",
        _ => "UNKNOWN",
    };

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBodyBytes];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return buffer[..read];
    }
}
