using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Output;

/// <summary>Indented JSON for `image inspect`, with media types' '+' written as is (not \u002B) as other tools print them.</summary>
internal static class InspectionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(JsonNode node) => node.ToJsonString(Options) + "\n";
}
