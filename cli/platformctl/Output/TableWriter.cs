using System.Text;

namespace Platform.Cli.Output;

/// <summary>Aligned columns separated by at least three spaces, as kubectl's tables; no trailing blanks.</summary>
internal static class TableWriter
{
    public const int ColumnGap = 3;
    public const string None = "<none>";

    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string indent = "")
    {
        var lines = new List<IReadOnlyList<string>> { headers };
        lines.AddRange(rows);
        var widths = ColumnWidths(lines, headers.Count);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(indent).Append(FormatLine(line, widths)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The value, or "&lt;none&gt;" when it is null or empty.</summary>
    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? None : value;

    private static int[] ColumnWidths(List<IReadOnlyList<string>> lines, int columns)
    {
        var widths = new int[columns];
        foreach (var line in lines)
        {
            for (var i = 0; i < Math.Min(columns, line.Count); i++)
            {
                widths[i] = Math.Max(widths[i], line[i].Length);
            }
        }

        return widths;
    }

    private static string FormatLine(IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            var isLast = i == cells.Count - 1;
            line.Append(isLast ? cells[i] : cells[i].PadRight(widths[i] + ColumnGap));
        }

        return line.ToString();
    }
}
