using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Cli.Serialization;

namespace Platform.Cli.Resources;

/// <summary>Reads the typed model out of the JSON trees the server sent.</summary>
internal static class ApiObjects
{
    public static T As<T>(JsonNode node)
    {
        try
        {
            return node.Deserialize(CliJson.TypeInfo<T>())
                ?? throw new CliException($"the server sent an empty {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new CliException($"the server sent a {typeof(T).Name} this CLI cannot read: {e.Message}");
        }
    }

    /// <summary>The "items" of a list response.</summary>
    public static IReadOnlyList<JsonNode> Items(JsonNode list) =>
        list["items"] is JsonArray items ? items.OfType<JsonNode>().ToList() : [];

    public static string? Name(JsonNode item) => MetadataString(item, "name");

    public static string? Namespace(JsonNode item) => MetadataString(item, "namespace");

    public static string? ResourceVersion(JsonNode item) => MetadataString(item, "resourceVersion");

    /// <summary>metadata.FIELD when it is a non-empty string; null otherwise.</summary>
    public static string? MetadataString(JsonNode item, string field) =>
        item["metadata"] is JsonObject metadata
        && metadata[field] is JsonValue value
        && value.TryGetValue<string>(out var text)
        && text.Length > 0
            ? text
            : null;
}
