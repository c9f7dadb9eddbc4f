using Platform.Api.Model;
using Platform.Api.Printing;

namespace Platform.Cli.Output;

/// <summary>The Events section of `describe`, as kubectl prints it: the object's events, oldest first.</summary>
internal static class DescribeEvents
{
    public static string Render(IEnumerable<Event> events, DateTimeOffset now)
    {
        var list = events.OrderBy(e => e.LastTimestamp ?? e.FirstTimestamp).ToList();
        if (list.Count == 0)
        {
            return "Events:                <none>\n";
        }

        IReadOnlyList<string> underline = ["----", "------", "----", "----", "-------"];
        var rows = list.Select(e => (IReadOnlyList<string>)[
            e.Type ?? string.Empty,
            e.Reason ?? string.Empty,
            EventAge(e, now),
            e.Source?.Component ?? e.ReportingComponent ?? string.Empty,
            e.Message ?? string.Empty,
        ]).Prepend(underline);
        var table = TableWriter.Render(["Type", "Reason", "Age", "From", "Message"], rows);
        return "Events:\n" + string.Concat(table.TrimEnd('\n').Split('\n').Select(line => $"  {line}\n"));
    }

    /// <summary>"10s", or "2m (x5 over 4m)" for a repeated event.</summary>
    private static string EventAge(Event e, DateTimeOffset now)
    {
        var last = Age.Since(e.LastTimestamp ?? e.FirstTimestamp, now);
        return e.Count is > 1 ? $"{last} (x{e.Count} over {Age.Since(e.FirstTimestamp, now)})" : last;
    }
}
