using System.Globalization;

namespace Platform.Cli.Output;

/// <summary>Times as kubectl describe prints them (RFC 1123 with a numeric zone), in the user's zone.</summary>
internal static class Timestamps
{
    public static string? Format(DateTimeOffset? time, TimeZoneInfo zone)
    {
        if (time is not { } t)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(t, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var zoneText = $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + zoneText;
    }

    /// <summary>An RFC 3339 time from the API (nanoseconds allowed); null when absent or unreadable.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // .NET reads at most seven fractional digits; RFC 3339 times from Go carry up to nine.
        var trimmed = System.Text.RegularExpressions.Regex.Replace(text, @"(\.\d{7})\d+", "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
