using System.Text.Json.Serialization;

namespace Platform.Build.Cache;

/// <summary>
/// What the cluster remembers about one build step: its key, its parent's key, the expanded
/// instruction and copied-file digests it was made from (for --explain), and the layer it made
/// (null for a step that changed only the config).
/// </summary>
public sealed record CacheEntry
{
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("parent")]
    public required string Parent { get; init; }

    [JsonPropertyName("instruction")]
    public required string Instruction { get; init; }

    /// <summary>Path → digest of every file a COPY or ADD read.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, string>? Files { get; init; }

    [JsonPropertyName("layer")]
    public CachedLayer? Layer { get; init; }
}

/// <summary>A layer made by a step: blob digest (= diff ID: layers are stored uncompressed), size, and a repository holding the blob.</summary>
public sealed record CachedLayer
{
    [JsonPropertyName("digest")]
    public required string Digest { get; init; }

    [JsonPropertyName("diffId")]
    public required string DiffId { get; init; }

    [JsonPropertyName("size")]
    public required long Size { get; init; }

    [JsonPropertyName("mediaType")]
    public required string MediaType { get; init; }

    [JsonPropertyName("repository")]
    public required string Repository { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CacheEntry))]
[JsonSerializable(typeof(List<CacheEntry>))]
public sealed partial class CacheJsonContext : JsonSerializerContext;
