using System.Globalization;
using Platform.Api.Model;

namespace Platform.Cli.Output;

/// <summary>Node selectors, tolerations and taints as kubectl describe prints them.</summary>
internal static class DescribeScheduling
{
    /// <summary>"Label:  line" then continuation lines, or "Label:  &lt;none&gt;".</summary>
    public static void WriteLines(DescribeWriter writer, string label, IReadOnlyList<string> lines)
    {
        writer.Field(0, label, lines.Count == 0 ? null : lines[0]);
        foreach (var line in lines.Skip(1))
        {
            writer.Continuation(0, line);
        }
    }

    /// <summary>As kubectl: <c>key=value:Effect</c>, or <c>key:Effect</c> without a value.</summary>
    public static string Taint(Taint taint) =>
        string.IsNullOrEmpty(taint.Value) ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";

    /// <summary>As kubectl: <c>key=value:Effect</c>, <c>key:Effect op=Exists</c>, with <c>for Ns</c> when bounded.</summary>
    public static string Toleration(Toleration toleration)
    {
        var text = toleration.Key ?? string.Empty;
        if (!string.IsNullOrEmpty(toleration.Value))
        {
            text += "=" + toleration.Value;
        }

        if (!string.IsNullOrEmpty(toleration.Effect))
        {
            text += ":" + toleration.Effect;
        }

        if (toleration.Operator == TolerationOperators.Exists)
        {
            text += (text.Length == 0 ? string.Empty : " ") + "op=Exists";
        }

        if (toleration.TolerationSeconds is { } seconds)
        {
            text += " for " + seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }
}
