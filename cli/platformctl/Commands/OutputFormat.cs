using System.CommandLine;
using Platform.Cli.Output.JsonPath;

namespace Platform.Cli.Commands;

/// <summary>The -o/--output choices of `get`.</summary>
internal enum OutputFormat
{
    Table,
    Wide,
    Json,
    Yaml,
    Name,
    JsonPath,
}

/// <summary>A parsed -o value: the format, and the parsed template of -o jsonpath=TEMPLATE (checked before any request).</summary>
internal sealed record OutputRequest(OutputFormat Format, JsonPathTemplate? Template = null)
{
    public static readonly OutputRequest Table = new(OutputFormat.Table);
}

internal static class OutputFormats
{
    private const string Allowed = "json, yaml, name, wide, jsonpath=TEMPLATE";

    public static Option<string?> CreateOption() => new("--output", "-o")
    {
        Description = $"Output format: {Allowed} (default: a table)",
        HelpName = "format",
    };

    public static OutputRequest Parse(string? text)
    {
        var (name, template) = Split(text ?? string.Empty);
        return name switch
        {
            "" => OutputRequest.Table,
            "wide" => new(OutputFormat.Wide),
            "json" => new(OutputFormat.Json),
            "yaml" => new(OutputFormat.Yaml),
            "name" => new(OutputFormat.Name),
            "jsonpath" when template is { Length: > 0 } => new(OutputFormat.JsonPath, JsonPathTemplate.Parse(template)),
            "jsonpath" => throw new CliException("template format specified but no template given: use -o jsonpath='{.metadata.name}'"),
            _ => throw new CliException($"unable to match a printer suitable for the output format \"{text}\", allowed formats are: {Allowed}"),
        };
    }

    /// <summary>"jsonpath={.a}" → ("jsonpath", "{.a}"); "json" → ("json", null).</summary>
    private static (string Name, string? Template) Split(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }
}
