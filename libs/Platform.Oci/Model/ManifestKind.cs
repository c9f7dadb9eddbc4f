using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>
/// Only the fields that tell what kind of manifest a document is, read before the document is
/// parsed as that kind (a registry's Content-Type can be missing or generic).
/// </summary>
public sealed record ManifestKind
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; }

    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    [JsonPropertyName("manifests")]
    public System.Text.Json.JsonElement? Manifests { get; init; }

    [JsonPropertyName("config")]
    public System.Text.Json.JsonElement? Config { get; init; }
}
