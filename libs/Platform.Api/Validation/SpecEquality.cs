using System.Text.Json;
using Platform.Api.Serialization;

namespace Platform.Api.Validation;

/// <summary>Structural equality of specs, by their canonical JSON form.</summary>
public static class SpecEquality
{
    public static bool AreEqual<T>(T a, T b) =>
        JsonSerializer.Serialize(a, ApiJson.Options) == JsonSerializer.Serialize(b, ApiJson.Options);
}
