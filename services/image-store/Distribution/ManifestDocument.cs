using System.Text.Json;

namespace Platform.ImageStore.Distribution;

/// <summary>
/// What the store needs to know of a manifest: its media type, the blobs it references (config and
/// layers of an image manifest), the manifests it references (children of an index), and the
/// subject it refers to (referrers API). The bytes themselves are kept exactly as pushed.
/// </summary>
public sealed record ManifestDocument(
    string MediaType,
    IReadOnlyList<Digest> Blobs,
    IReadOnlyList<Digest> Children,
    Digest? Subject,
    string? ArtifactType,
    IReadOnlyDictionary<string, string>? Annotations)
{
    /// <summary>Parses a pushed manifest; the media type comes from the request's Content-Type if it has one.</summary>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> content, string? contentType)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            return FromJson(json.RootElement, contentType);
        }
        catch (JsonException e)
        {
            throw Invalid("the manifest is not valid JSON: " + e.Message);
        }
    }

    private static ManifestDocument FromJson(JsonElement root, string? contentType)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("the manifest is not a JSON object");
        }

        var mediaType = MediaTypeOf(root, contentType);
        if (root.TryGetProperty("schemaVersion", out var version) && (!version.TryReadInt32(out var number) || number != 2))
        {
            throw Invalid("schemaVersion must be 2");
        }

        var isIndex = MediaTypes.IsIndex(mediaType);
        return new ManifestDocument(
            mediaType,
            isIndex ? [] : ImageBlobs(root),
            isIndex ? Descriptors(root, "manifests", required: true).Select(d => d.Digest).ToList() : [],
            root.TryGetProperty("subject", out var subject) ? ReadDescriptor(subject, "subject").Digest : null,
            ArtifactTypeOf(root),
            AnnotationsOf(root));
    }

    private static string MediaTypeOf(JsonElement root, string? contentType)
    {
        var declared = root.TryGetProperty("mediaType", out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;
        var mediaType = string.IsNullOrEmpty(contentType) ? declared : contentType;
        if (mediaType is null || !MediaTypes.IsManifest(mediaType))
        {
            throw Invalid($"unsupported manifest media type \"{mediaType}\"");
        }

        if (declared is not null && declared != mediaType)
        {
            throw Invalid($"the manifest declares media type \"{declared}\" but was sent as \"{mediaType}\"");
        }

        return mediaType;
    }

    private static List<Digest> ImageBlobs(JsonElement root)
    {
        if (!root.TryGetProperty("config", out var config))
        {
            throw Invalid("an image manifest needs a config");
        }

        var blobs = new List<Digest> { ReadDescriptor(config, "config").Digest };
        blobs.AddRange(Descriptors(root, "layers", required: false)
            .Where(layer => !MediaTypes.IsForeignLayer(layer.MediaType))
            .Select(layer => layer.Digest));
        return blobs;
    }

    private static IEnumerable<(Digest Digest, string? MediaType)> Descriptors(JsonElement root, string property, bool required)
    {
        if (!root.TryGetProperty(property, out var array))
        {
            return required ? throw Invalid($"\"{property}\" is missing") : [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"\"{property}\" must be an array");
        }

        return array.EnumerateArray().Select(item => ReadDescriptor(item, property)).ToList();
    }

    private static (Digest Digest, string? MediaType) ReadDescriptor(JsonElement descriptor, string where)
    {
        if (descriptor.ValueKind != JsonValueKind.Object
            || !descriptor.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String
            || !Digest.TryParse(digest.GetString(), out var parsed))
        {
            throw Invalid($"a descriptor in \"{where}\" has no valid sha256 digest");
        }

        if (!descriptor.TryGetProperty("size", out var size) || !size.TryReadInt64(out var length) || length < 0)
        {
            throw Invalid($"the descriptor of {parsed} in \"{where}\" has no valid size");
        }

        var mediaType = descriptor.TryGetProperty("mediaType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        return (parsed, mediaType);
    }

    /// <summary>An artifact's type: its own artifactType, else (for an image manifest) its config's media type.</summary>
    private static string? ArtifactTypeOf(JsonElement root)
    {
        if (root.TryGetProperty("artifactType", out var artifactType) && artifactType.ValueKind == JsonValueKind.String)
        {
            return artifactType.GetString();
        }

        return root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("mediaType", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
    }

    private static Dictionary<string, string>? AnnotationsOf(JsonElement root)
    {
        if (!root.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return annotations.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static RegistryException Invalid(string reason) => new(RegistryError.ManifestInvalid(reason));
}
