using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Cli.Serialization;

/// <summary>Typed reads through <see cref="CliJsonContext"/>, and JSON text as kubectl prints it.</summary>
internal static class CliJson
{
    /// <summary>Four-space indents and '+', '&lt;', '&amp;' written as they are, as kubectl -o json prints.</summary>
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The compile-time metadata of <typeparamref name="T"/>; a type missing from the context is a programming error.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        CliJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {nameof(CliJsonContext)}");

    public static string ToIndentedText(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    public static string ToCompactText(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";
}
