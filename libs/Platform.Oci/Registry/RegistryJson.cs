using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Oci.Registry;

/// <summary>The distribution-spec error body: <c>{"errors":[{"code":..,"message":..,"detail":..}]}</c>.</summary>
internal sealed record RegistryErrorBody
{
    [JsonPropertyName("errors")]
    public IReadOnlyList<RegistryError>? Errors { get; init; }
}

internal sealed record RegistryError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("detail")]
    public JsonElement? Detail { get; init; }
}

/// <summary>A token server's answer; Docker's servers send <c>token</c>, OAuth2-style ones <c>access_token</c>.</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }
}

[JsonSerializable(typeof(RegistryErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
