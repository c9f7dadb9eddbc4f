using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Serialization;

/// <summary>The JSON conventions of the API: camelCase, nulls omitted, unknown fields refused on input.</summary>
public static class ApiJson
{
    /// <summary>For writing objects and for reading trusted ones (storage, messages).</summary>
    public static readonly JsonSerializerOptions Options = Create(strict: false);

    /// <summary>For reading what a client sent: an unknown field is an error, as kubectl's strict validation.</summary>
    public static readonly JsonSerializerOptions StrictOptions = Create(strict: true);

    /// <summary>Indented output for people (platformctl -o json).</summary>
    public static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = 64,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
