using System.Net;

namespace Platform.Oci.Registry;

/// <summary>A registry's refusal, with the error code from its error JSON (BLOB_UNKNOWN, DENIED, ...) when it sent one.</summary>
public sealed class RegistryException(HttpStatusCode status, string code, string message, Exception? inner = null)
    : Exception($"registry error {code} ({(int)status}): {message}", inner)
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    public string RegistryMessage { get; } = message;
}
