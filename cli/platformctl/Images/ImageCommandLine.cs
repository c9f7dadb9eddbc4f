using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Images;

/// <summary>
/// The --cmd of `image import`: repeated values (--cmd sh --cmd -c --cmd 'echo hi'), or one JSON
/// array string (--cmd '["sh", "-c", "echo hi"]') as Dockerfile's exec form writes it.
/// </summary>
internal static class ImageCommandLine
{
    /// <returns>The arguments, or null when none were given.</returns>
    public static IReadOnlyList<string>? Parse(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && values[0].TrimStart().StartsWith('[') ? ParseJsonArray(values[0]) : [.. values];
    }

    private static List<string> ParseJsonArray(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new CliException($"--cmd {text}: not a JSON array of strings");
        }

        if (node is not JsonArray array || array.Any(item => item is not JsonValue value || !value.TryGetValue<string>(out _)))
        {
            throw new CliException($"--cmd {text}: not a JSON array of strings");
        }

        return [.. array.Select(item => item!.GetValue<string>())];
    }
}
