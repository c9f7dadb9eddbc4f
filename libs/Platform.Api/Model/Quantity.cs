using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Api.Model;

/// <summary>
/// Kubernetes resource quantities ("500m", "1.5", "64Mi", "1G", "2e3"): parsed exactly, as a decimal.
/// </summary>
public static partial class Quantity
{
    private static readonly Dictionary<string, decimal> Factors = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["Ki"] = 1L << 10,
        ["Mi"] = 1L << 20,
        ["Gi"] = 1L << 30,
        ["Ti"] = 1L << 40,
        ["Pi"] = 1L << 50,
        ["Ei"] = 1L << 60,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
    };

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>[eE][+-]?\d{1,3}|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?\z")]
    private static partial Regex Grammar();

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var match = text is null ? null : Grammar().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups["suffix"].Value;
        try
        {
            value = suffix.Length > 1 && suffix[0] is 'e' or 'E' && suffix[1] is not 'i'
                ? number * Pow10(int.Parse(suffix[1..], CultureInfo.InvariantCulture))
                : number * Factors[suffix];
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>CPU in millicores, rounded up as Kubernetes does.</summary>
    public static long ToMilli(decimal value) => (long)Math.Ceiling(value * 1000m);

    /// <summary>A whole number of units (bytes for memory), rounded up.</summary>
    public static long ToWhole(decimal value) => (long)Math.Ceiling(value);

    public static string FormatMilliCpu(long milli) =>
        milli % 1000 == 0 ? (milli / 1000).ToString(CultureInfo.InvariantCulture) : $"{milli}m";

    public static string FormatBytes(long bytes)
    {
        foreach (var (suffix, factor) in new[] { ("Gi", 1L << 30), ("Mi", 1L << 20), ("Ki", 1L << 10) })
        {
            if (bytes != 0 && bytes % factor == 0)
            {
                return $"{bytes / factor}{suffix}";
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }

        return result;
    }
}
