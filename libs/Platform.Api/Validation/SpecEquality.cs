using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Serialization;

namespace Platform.Api.Validation;

/// <summary>
/// Structural equality of specs by their canonical JSON form: object keys sorted, so maps that differ
/// only in key order (requests written memory-first) are equal, as Kubernetes compares them.
/// </summary>
public static class SpecEquality
{
    public static bool AreEqual<T>(T a, T b) => Canonical(a) == Canonical(b);

    /// <summary>The JSON form with object keys sorted: equal for equal specs, whatever the order their maps were written in.</summary>
    public static string Canonical<T>(T value) =>
        Sorted(JsonSerializer.SerializeToNode(value, ApiJson.Options))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
