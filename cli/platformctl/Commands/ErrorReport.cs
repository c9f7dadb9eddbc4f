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

    /// <summary>Writes the line to stderr, red when stderr is a terminal.</summary>
    public static async Task WriteAsync(CliHost host, Exception failure, CancellationToken cancellationToken) =>
        await host.Error.WriteLineAsync(host.ErrorColours.Red(Describe(failure)).AsMemory(), cancellationToken);

    public static Task WriteAsync(CliContext context, Exception failure, CancellationToken cancellationToken) =>
        WriteAsync(context.Host, failure, cancellationToken);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
