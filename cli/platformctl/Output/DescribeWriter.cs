using System.Text;

namespace Platform.Cli.Output;

/// <summary>
/// Builds kubectl-describe text: "Label:  value" lines whose values line up per indentation level,
/// section headings, and free lines (lists, tables).
/// </summary>
internal sealed class DescribeWriter
{
    private const int Indent = 2;
    private const int Gap = 2;
    private readonly List<Line> _lines = [];

    /// <summary>"Label:" then the value aligned with the other values at the same level.</summary>
    public DescribeWriter Field(int level, string label, string? value)
    {
        _lines.Add(new Line(level, label + ":", string.IsNullOrEmpty(value) ? TableWriter.None : value));
        return this;
    }

    /// <summary>A further value of the field above, aligned under its value.</summary>
    public DescribeWriter Continuation(int level, string value)
    {
        _lines.Add(new Line(level, string.Empty, value));
        return this;
    }

    /// <summary>"Label:" alone, as the heading of the lines below it.</summary>
    public DescribeWriter Heading(int level, string label)
    {
        _lines.Add(new Line(level, label + ":", null));
        return this;
    }

    /// <summary>A line printed as it is, indented to the level.</summary>
    public DescribeWriter Text(int level, string text)
    {
        _lines.Add(new Line(level, text, null));
        return this;
    }

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
            .GroupBy(l => l.Level)
            .ToDictionary(g => g.Key, g => g.Max(l => l.Label.Length) + Gap);
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.Append(' ', line.Level * Indent).Append(Format(line, valueColumns)).Append('\n');
        }

        return text.ToString();
    }

    private static string Format(Line line, Dictionary<int, int> valueColumns) => line.Value is null
        ? line.Label
        : line.Label.PadRight(valueColumns[line.Level]) + line.Value;

    private sealed record Line(int Level, string Label, string? Value);
}
