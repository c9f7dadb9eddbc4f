using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>
/// A list of manifests, one per platform. OCI's image index and Docker's manifest list share this
/// shape and differ only in media types.
/// </summary>
public sealed record ImageIndex
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = 2;

    [JsonPropertyName("mediaType")]
    public string? MediaType { get; init; }

    [JsonPropertyName("artifactType")]
    public string? ArtifactType { get; init; }

    [JsonPropertyName("manifests")]
    public required IReadOnlyList<Descriptor> Manifests { get; init; }

    [JsonPropertyName("subject")]
    public Descriptor? Subject { get; init; }

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The first image manifest for <paramref name="platform"/>, or null when the index has none.</summary>
    public Descriptor? SelectManifest(ImagePlatform platform) =>
        Manifests.FirstOrDefault(m => MediaTypes.IsImageManifest(m.MediaType) && platform.Accepts(m.Platform));
}
