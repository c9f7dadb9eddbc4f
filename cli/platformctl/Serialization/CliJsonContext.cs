using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Api.Model;

namespace Platform.Cli.Serialization;

/// <summary>
/// Compile-time JSON metadata for the API types the CLI reads as typed objects, so platformctl runs
/// under NativeAOT without reflection. The options match the API's (camelCase, nulls left out, unknown
/// fields skipped). A new kind shown through a typed view needs one [JsonSerializable] line here.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(Image))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(NamedVolume))]
[JsonSerializable(typeof(HorizontalPodAutoscaler))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(Scale))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
