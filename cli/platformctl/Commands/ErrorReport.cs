using Platform.Api.Serialization;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>Turns any failure into the single line the user sees; never a stack trace.</summary>
internal static class ErrorReport
{
    public static string Describe(Exception failure) => OneLine(failure switch
    {
        ApiException api => api.DisplayLine,
        ManifestFormatException manifest => $"error: {manifest.Message}",
        FileNotFoundException missing => $"error: the path \"{missing.FileName}\" does not exist",
        DirectoryNotFoundException => "error: the path does not exist",
        _ => $"error: {failure.Message}",
    });

    public static async Task WriteAsync(TextWriter error, Exception failure, CancellationToken cancellationToken) =>
        await error.WriteLineAsync(Describe(failure).AsMemory(), cancellationToken);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
