using System.Text.Json.Serialization;

namespace Platform.Build.Dockerfiles;

[JsonSerializable(typeof(List<string>))]
internal sealed partial class BuildJsonContext : JsonSerializerContext;
