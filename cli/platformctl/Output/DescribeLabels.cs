namespace Platform.Cli.Output;

/// <summary>Labels, annotations and resource lists as "key=value" or "key: value" lines, sorted.</summary>
internal static class DescribeLabels
{
    public static void Write(DescribeWriter writer, int level, string label, IReadOnlyDictionary<string, string>? pairs)
    {
        var lines = Sorted(pairs).Select(p => $"{p.Key}={p.Value}").ToList();
        if (lines.Count == 0)
        {
            writer.Field(level, label, null);
            return;
        }

        writer.Field(level, label, lines[0]);
        foreach (var line in lines.Skip(1))
        {
            writer.Continuation(level, line);
        }
    }

    /// <summary>"Heading:" then one aligned "name:  value" field per entry, or "Heading:  &lt;none&gt;".</summary>
    public static void WriteFields(DescribeWriter writer, int level, string heading, IReadOnlyDictionary<string, string>? pairs)
    {
        var sorted = Sorted(pairs).ToList();
        if (sorted.Count == 0)
        {
            writer.Field(level, heading, null);
            return;
        }

        writer.Heading(level, heading);
        foreach (var (key, value) in sorted)
        {
            writer.Field(level + 1, key, value);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string>? pairs) =>
        (pairs ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal);
}
