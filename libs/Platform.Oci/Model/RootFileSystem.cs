using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>The layers' uncompressed digests (diff IDs), in order from the bottom layer up.</summary>
public sealed record RootFileSystem
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "layers";

    [JsonPropertyName("diff_ids")]
    public required IReadOnlyList<string> DiffIds { get; init; }
}
