using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Model;

namespace Platform.Api.Serialization;

/// <summary>Reads a client's manifest (JSON or YAML) into typed objects, naming the field at fault.</summary>
public static class ManifestReader
{
    /// <summary>Parses text that may be YAML (of which JSON is a subset) into its documents.</summary>
    public static IReadOnlyList<JsonObject> ReadDocuments(string text)
    {
        var documents = LooksLikeJson(text) ? [ParseJson(text)] : YamlDocuments.Parse(text);
        return documents.Select((d, i) => d as JsonObject
            ?? throw new ManifestFormatException($"document {i + 1} is not an object")).ToList();
    }

    private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{');

    private static JsonNode ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 })
                ?? throw new ManifestFormatException("the document is empty");
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException($"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
        }
    }

    /// <summary>The kind and apiVersion of a document, both required.</summary>
    public static (string ApiVersion, string Kind) ReadType(JsonObject document)
    {
        var apiVersion = ReadString(document, "apiVersion");
        var kind = ReadString(document, "kind");
        return (apiVersion, kind);
    }

    public static T Deserialize<T>(JsonNode document)
    {
        try
        {
            return document.Deserialize<T>(ApiJson.StrictOptions)
                ?? throw new ManifestFormatException("the object is empty");
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException(Describe(e));
        }
    }

    public static T Deserialize<T>(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ApiJson.StrictOptions)
                ?? throw new ManifestFormatException("the object is empty");
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException(Describe(e));
        }
    }

    private static string ReadString(JsonObject document, string field)
    {
        if (!document.TryGetPropertyValue(field, out var node) || node is null)
        {
            throw new ManifestFormatException($"{field}: Required value");
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new ManifestFormatException($"{field}: must be a non-empty string");
    }

    /// <summary>Turns System.Text.Json's messages into "field.path: problem".</summary>
    private static string Describe(JsonException e)
    {
        var path = FieldPath.FromJsonPath(e.Path);
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown field \"{path}\"";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"{path}: wrong type for this field";
        }

        return string.IsNullOrEmpty(path) ? "malformed JSON" : $"{path}: malformed value";
    }
}
