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
}
