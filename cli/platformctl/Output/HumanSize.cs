using System.Globalization;

namespace Platform.Cli.Output;

/// <summary>Sizes as docker prints them: decimal units, three significant digits ("217B", "4.26kB", "1.24MB", "187MB").</summary>
internal static class HumanSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (unit < Units.Length - 1 && Round(value) >= 1000)
        {
            value /= 1000;
            unit++;
        }

        return Round(value).ToString("0.##", CultureInfo.InvariantCulture) + Units[unit];
    }

    // Three significant digits, as Go's %.3g (without its exponent form).
    private static double Round(double value) =>
        value < 1 ? value : Math.Round(value, Math.Max(0, 2 - (int)Math.Floor(Math.Log10(value))), MidpointRounding.AwayFromZero);
}
