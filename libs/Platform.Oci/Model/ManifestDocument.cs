using System.Text.Json;
using Platform.Oci.References;

namespace Platform.Oci.Model;

/// <summary>
/// A manifest or index exactly as the registry sent it. The raw bytes are kept because the digest
/// is over them: re-serialising could change the digest.
/// </summary>
public sealed class ManifestDocument
{
    private ManifestDocument(byte[] content, string mediaType, ImageManifest? manifest, ImageIndex? index)
    {
        Content = content;
        MediaType = mediaType;
        Manifest = manifest;
        Index = index;
        Digest = Digest.Compute(content);
    }

    public byte[] Content { get; }

    public Digest Digest { get; }

    public string MediaType { get; }

    /// <summary>Set when the document is an image manifest.</summary>
    public ImageManifest? Manifest { get; }

    /// <summary>Set when the document is an index or manifest list.</summary>
    public ImageIndex? Index { get; }

    public bool IsIndex => Index is not null;

    /// <summary>
    /// Parses <paramref name="content"/>. The document's own mediaType field wins over the
    /// Content-Type header; without either, the presence of <c>manifests</c> or <c>config</c> decides.
    /// </summary>
    public static ManifestDocument Parse(byte[] content, string? contentType = null)
    {
        var kind = Deserialize(content, OciJsonContext.Default.ManifestKind);
        if (kind.SchemaVersion != 2)
        {
            throw new InvalidManifestException($"unsupported manifest schemaVersion {kind.SchemaVersion} (expected 2)");
        }
        var mediaType = ResolveMediaType(kind, contentType);
        return MediaTypes.IsIndex(mediaType)
            ? new ManifestDocument(content, mediaType, null, Deserialize(content, OciJsonContext.Default.ImageIndex))
            : new ManifestDocument(content, mediaType, Deserialize(content, OciJsonContext.Default.ImageManifest), null);
    }

    public static ManifestDocument From(ImageManifest manifest) =>
        Parse(JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Writer.ImageManifest));

    public static ManifestDocument From(ImageIndex index) =>
        Parse(JsonSerializer.SerializeToUtf8Bytes(index, OciJsonContext.Writer.ImageIndex));

    public Descriptor ToDescriptor() =>
        new() { MediaType = MediaType, Digest = Digest.ToString(), Size = Content.LongLength };

    private static string ResolveMediaType(ManifestKind kind, string? contentType)
    {
        if (kind.MediaType is { } declared)
        {
            return MediaTypes.IsIndex(declared) || MediaTypes.IsImageManifest(declared)
                ? declared
                : throw new InvalidManifestException($"unsupported manifest media type '{declared}'");
        }
        if (MediaTypes.IsIndex(contentType) || MediaTypes.IsImageManifest(contentType))
        {
            return contentType!;
        }
        return kind.Manifests is not null ? MediaTypes.OciIndex
            : kind.Config is not null ? MediaTypes.OciManifest
            : throw new InvalidManifestException("the document is neither a manifest (no config) nor an index (no manifests)");
    }

    internal static T Deserialize<T>(byte[] content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(content, type)
                ?? throw new InvalidManifestException($"the {type.Type.Name} document is null");
        }
        catch (JsonException e)
        {
            throw new InvalidManifestException($"invalid {type.Type.Name} JSON: {e.Message}", e);
        }
    }
}
