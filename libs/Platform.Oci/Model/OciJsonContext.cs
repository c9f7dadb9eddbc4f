using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Oci.Model;

/// <summary>
/// Source-generated (de)serialisation of the image model, so it works without reflection under
/// NativeAOT. Nulls are omitted because OCI documents leave absent fields out rather than null them.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(ManifestKind))]
public sealed partial class OciJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For writing documents: media types keep their '+' as other tools write them, instead of the
    /// default encoder's \u002B (HTML-safe escaping is meaningless in a manifest).
    /// </summary>
    public static OciJsonContext Writer { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
