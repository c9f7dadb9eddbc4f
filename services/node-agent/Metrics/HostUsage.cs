using System.Globalization;

namespace Platform.NodeAgent.Metrics;

/// <summary>The whole machine's CPU time and memory in use, from /proc, for <c>top nodes</c>.</summary>
public static class HostUsage
{
    /// <summary>/proc/stat counts in USER_HZ, which is 100 on every Linux ABI the platform runs on.</summary>
    private const long NanosecondsPerTick = 10_000_000;

    /// <summary>
    /// Busy CPU time of all CPUs from the first line of /proc/stat: user, nice, system, irq, softirq and steal
    /// (idle and iowait are not busy; guest time is already inside user).
    /// </summary>
    public static long ParseCpuNanoseconds(string procStat)
    {
        var line = procStat.Split('\n', 2)[0];
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return 0;
        }

        long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) * NanosecondsPerTick;
    }

    /// <summary>Memory in use as <c>free</c> counts it: MemTotal − MemAvailable, in bytes.</summary>
    public static long ParseMemoryInUseBytes(string procMeminfo)
    {
        long total = 0, available = 0;
        foreach (var line in procMeminfo.Split('\n'))
        {
            var parts = line.Split(':', 2);
            if (parts.Length != 2)
            {
                continue;
            }

            var kib = long.TryParse(parts[1].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
            if (parts[0] == "MemTotal")
            {
                total = kib;
            }
            else if (parts[0] == "MemAvailable")
            {
                available = kib;
            }
        }

        return Math.Max(0, total - available) * 1024;
    }

    public static async Task<(long CpuNanoseconds, long MemoryBytes)> ReadAsync(CancellationToken cancellationToken) =>
        (ParseCpuNanoseconds(await File.ReadAllTextAsync("/proc/stat", cancellationToken)),
         ParseMemoryInUseBytes(await File.ReadAllTextAsync("/proc/meminfo", cancellationToken)));
}
