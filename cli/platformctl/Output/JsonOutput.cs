using System.Text.Json.Nodes;
using Platform.Cli.Serialization;

namespace Platform.Cli.Output;

/// <summary>Prints a JSON tree indented, for -o json.</summary>
internal static class JsonOutput
{
    public static string Render(JsonNode? node) =>
        CliJson.ToIndentedText(node) + "\n";
}
