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
public sealed partial class OciJsonContext : JsonSerializerContext;
