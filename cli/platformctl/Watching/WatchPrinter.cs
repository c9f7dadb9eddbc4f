using System.Text.Json.Nodes;
using Platform.Cli.Commands;
using Platform.Cli.Output;
using Platform.Cli.Resources;
using Platform.Cli.Resources.Views;

namespace Platform.Cli.Watching;

/// <summary>
/// What get -w prints: the table of the objects listed first (unless --watch-only), then one row per
/// event, aligned with that table's columns; the header comes with the first row when nothing was
/// listed. Other output formats print each event's object whole (YAML documents separated by ---).
/// </summary>
internal sealed class WatchPrinter(ResourceKind kind, OutputRequest output, TableOptions tableOptions)
{
    private readonly List<JsonNode> listed = [];
    private bool headerPrinted;
    private bool anyDocument;

    private bool IsTable => output.Format is OutputFormat.Table or OutputFormat.Wide;

    /// <summary>The text for the listed objects; empty when there are none.</summary>
    public string Listed(IReadOnlyList<JsonNode> items, DateTimeOffset now)
    {
        listed.AddRange(items);
        if (!IsTable)
        {
            return string.Concat(items.Select(ObjectText));
        }

        if (items.Count == 0)
        {
            return string.Empty;
        }

        headerPrinted = true;
        return ResourceViews.For(kind).Table(items, tableOptions, now);
    }

    /// <summary>The text for one event's object.</summary>
    public string Event(WatchEvent change, DateTimeOffset now) => IsTable ? Row(change.Object, now) : ObjectText(change.Object);

    private string ObjectText(JsonNode item) => output.Format switch
    {
        OutputFormat.Json => JsonOutput.Render(item),
        OutputFormat.Yaml => YamlDocument(item),
        OutputFormat.JsonPath => output.Template!.Render(item),
        _ => $"{kind.QualifiedName}/{ApiObjects.Name(item)}\n",
    };

    private string YamlDocument(JsonNode item)
    {
        var separator = anyDocument ? "---\n" : string.Empty;
        anyDocument = true;
        return separator + YamlOutput.Render(item);
    }

    /// <summary>An event's row, laid out with the listed objects so the columns line up with the table above it.</summary>
    private string Row(JsonNode item, DateTimeOffset now)
    {
        var lines = ResourceViews.For(kind).Table([.. listed, item], tableOptions, now).TrimEnd('\n').Split('\n');
        var text = (headerPrinted ? string.Empty : lines[0] + "\n") + lines[^1] + "\n";
        headerPrinted = true;
        return text;
    }
}
