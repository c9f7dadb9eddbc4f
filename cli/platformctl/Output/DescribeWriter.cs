using System.Text;

namespace Platform.Cli.Output;

/// <summary>
/// Builds kubectl-describe text: "Label:  value" lines, section headings and free lines. Values line
/// up at one column per alignment group (the header; then each section the describer starts).
/// </summary>
internal sealed class DescribeWriter
{
    private const int Indent = 2;
    private const int Gap = 2;
    private readonly List<Line> _lines = [];
    private int _group;

    /// <summary>Starts a new alignment group: the values below no longer line up with those above.</summary>
    public DescribeWriter BeginAlignment()
    {
        _group++;
        return this;
    }

    /// <summary>"Label:" then the value, aligned with the other values of the group.</summary>
    public DescribeWriter Field(int level, string label, string? value) =>
        Add(level, label + ":", string.IsNullOrEmpty(value) ? TableWriter.None : value);

    /// <summary>A further value of the field above, aligned under its value.</summary>
    public DescribeWriter Continuation(int level, string value) => Add(level, string.Empty, value);

    /// <summary>"Label:" alone, as the heading of the lines below it.</summary>
    public DescribeWriter Heading(int level, string label) => Add(level, label + ":", null);

    /// <summary>A line printed as it is, indented to the level.</summary>
    public DescribeWriter Text(int level, string text) => Add(level, text, null);

    /// <summary>Several lines (e.g. a table), each indented to the level.</summary>
    public DescribeWriter Block(int level, string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Text(level, line);
        }

        return this;
    }

    public string Render()
    {
        var valueColumns = _lines
            .Where(l => l.Value is not null)
            .GroupBy(l => l.Group)
            .ToDictionary(g => g.Key, g => g.Max(l => l.Prefix.Length) + Gap);
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            var formatted = line.Value is null ? line.Prefix : line.Prefix.PadRight(valueColumns[line.Group]) + line.Value;
            text.Append(formatted).Append('\n');
        }

        return text.ToString();
    }

    private DescribeWriter Add(int level, string label, string? value)
    {
        _lines.Add(new Line(_group, new string(' ', level * Indent) + label, value));
        return this;
    }

    private sealed record Line(int Group, string Prefix, string? Value);
}
