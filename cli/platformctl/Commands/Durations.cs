using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Cli.Commands;

/// <summary>Go-style durations as kubectl takes them: "10s", "5m", "1h30m", "1.5h", "500ms".</summary>
internal static partial class Durations
{
    [GeneratedRegex(@"\G(?<number>\d+(\.\d+)?)(?<unit>ms|h|m|s)")]
    private static partial Regex Part();

    public static TimeSpan Parse(string text, string option)
    {
        var total = TimeSpan.Zero;
        var position = 0;
        while (position < text.Length && Part().Match(text, position) is { Success: true } match)
        {
            var number = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            total += match.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                _ => TimeSpan.FromMilliseconds(number),
            };
            position += match.Length;
        }

        return text.Length > 0 && position == text.Length
            ? total
            : throw new CliException($"invalid argument \"{text}\" for \"{option}\": expected a duration such as 30s, 5m or 1h30m");
    }
}
