using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>The -o/--output choices of `get`.</summary>
internal enum OutputFormat
{
    Table,
    Wide,
    Json,
    Yaml,
    Name,
}

internal static class OutputFormats
{
    public static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = "Output format: wide, json, yaml or name (default: a table)",
        };
        option.AcceptOnlyFromAmong("wide", "json", "yaml", "name");
        return option;
    }

    public static OutputFormat Parse(string? text) => text switch
    {
        null or "" => OutputFormat.Table,
        "wide" => OutputFormat.Wide,
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        "name" => OutputFormat.Name,
        _ => throw new CliException($"unable to match a printer suitable for the output format \"{text}\""),
    };
}
