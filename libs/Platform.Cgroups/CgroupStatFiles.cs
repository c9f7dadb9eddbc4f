using System.Globalization;

namespace Platform.Cgroups;

/// <summary>
/// Reads the accounting files of a control group. Every read tolerates a missing file (a controller not joined,
/// or the group removed between two reads): a container that just ended is not an error for a sampler.
/// </summary>
public static class CgroupStatFiles
{
    /// <summary>Parses a flat-keyed file ("key value" per line: memory.stat, cpu.stat, memory.events, memory.oom_control).</summary>
    public static IReadOnlyDictionary<string, long> ParseFlatKeyed(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values[parts[0]] = value;
            }
        }

        return values;
    }

    /// <summary>A file holding one number (cpuacct.usage, memory.current, pids.current); "max" and garbage read as 0.</summary>
    public static long ParseSingle(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    internal static long ReadSingle(string directory, string file) =>
        TryRead(directory, file) is { } text ? ParseSingle(text) : 0;

    internal static IReadOnlyDictionary<string, long> ReadFlatKeyed(string directory, string file) =>
        TryRead(directory, file) is { } text ? ParseFlatKeyed(text) : new Dictionary<string, long>();

    internal static long Key(this IReadOnlyDictionary<string, long> values, string key) =>
        values.TryGetValue(key, out var value) ? value : 0;

    private static string? TryRead(string directory, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
