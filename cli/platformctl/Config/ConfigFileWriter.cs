using System.Text.Json.Nodes;
using Platform.Api.Serialization;
using Platform.Cli.Output;

namespace Platform.Cli.Config;

/// <summary>
/// Changes YAML files that hold credentials (the CLI's config, a kubeconfig): keys the change does not
/// touch are kept, the file is written whole to a temporary file and renamed over the old one, mode 0600.
/// </summary>
internal static class ConfigFileWriter
{
    public static async Task<JsonObject> ReadObjectAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var documents = ManifestReader.ReadDocuments(await File.ReadAllTextAsync(path, cancellationToken));
            return documents.Count == 0 ? [] : documents[0];
        }
        catch (ManifestFormatException e)
        {
            throw new CliException($"the file {path} is not valid: {e.Message}");
        }
    }

    public static async Task UpdateAsync(string path, Action<JsonObject> change, CancellationToken cancellationToken)
    {
        var content = await ReadObjectAsync(path, cancellationToken);
        change(content);
        await WriteAsync(path, content, cancellationToken);
    }

    public static async Task WriteAsync(string path, JsonObject content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(temporary, System.Text.Encoding.UTF8, options))
        {
            await file.WriteAsync(YamlOutput.Render(content).AsMemory(), cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
