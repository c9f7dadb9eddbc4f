using System.Globalization;

namespace Platform.Api.Printing;

/// <summary>Human durations exactly as kubectl prints them in the AGE column.</summary>
public static class Age
{
    public const string Unknown = "<unknown>";

    public static string Since(DateTimeOffset? time, DateTimeOffset now) =>
        time is { } t ? Format(now - t) : Unknown;

    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        return seconds switch
        {
            < -1 => "<invalid>",
            < 0 => "0s",
            < 120 => $"{seconds}s",
            _ => FormatMinutesAndUp(seconds / 60, seconds % 60),
        };
    }

    private static string FormatMinutesAndUp(long minutes, long seconds) => minutes switch
    {
        < 10 => Pair(minutes, "m", seconds, "s"),
        < 180 => $"{minutes}m",
        _ => FormatHoursAndUp(minutes / 60, minutes % 60),
    };

    private static string FormatHoursAndUp(long hours, long minutes) => hours switch
    {
        < 8 => Pair(hours, "h", minutes, "m"),
        < 48 => $"{hours}h",
        < 24 * 8 => Pair(hours / 24, "d", hours % 24, "h"),
        < 24 * 365 * 2 => $"{hours / 24}d",
        < 24 * 365 * 8 => Pair(hours / 24 / 365, "y", hours / 24 % 365, "d"),
        _ => $"{hours / 24 / 365}y",
    };

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit}")
            : string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit}{minor}{minorUnit}");
}
