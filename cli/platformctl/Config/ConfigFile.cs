using System.Text.Json.Nodes;
using Platform.Api.Serialization;

namespace Platform.Cli.Config;

/// <summary>Reads the YAML config file (keys server, token, namespace, registry). A missing file is an empty config.</summary>
internal static class ConfigFile
{
    public static string PathFor(CliEnvironment environment) =>
        environment.NonEmpty(CliEnvironment.ConfigVariable)
        ?? Path.Combine(environment.HomeDirectory, ".platform", "config");

    public static async Task<ConfigFileValues> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return ConfigFileValues.Empty;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, path);
    }

    public static ConfigFileValues Parse(string text, string path)
    {
        try
        {
            var documents = ManifestReader.ReadDocuments(text);
            return documents.Count == 0 ? ConfigFileValues.Empty : FromDocument(documents[0], path);
        }
        catch (ManifestFormatException e)
        {
            throw new CliException($"the config file {path} is not valid: {e.Message}");
        }
    }

    private static ConfigFileValues FromDocument(JsonObject document, string path) => new(
        ReadString(document, "server", path),
        ReadString(document, "token", path),
        ReadString(document, "namespace", path),
        ReadString(document, "registry", path));

    private static string? ReadString(JsonObject document, string key, string path)
    {
        var node = document[key];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? NullIfEmpty(text)
            : throw new CliException($"the config file {path} is not valid: \"{key}\" must be a string");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
