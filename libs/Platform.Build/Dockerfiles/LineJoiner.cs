using System.Text.RegularExpressions;

namespace Platform.Build.Dockerfiles;

/// <summary>
/// Reads the parser directives at the top of a Dockerfile, then joins physical lines into
/// instructions: a line ending in the escape character (spaces after it allowed) continues on the
/// next; comment lines and empty lines inside a continuation are dropped, as Docker does.
/// </summary>
internal static partial class LineJoiner
{
    public static (char Escape, List<LogicalLine> Lines) Join(string text)
    {
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (escape, first) = ReadDirectives(physical);
        var lines = new List<LogicalLine>();
        for (var i = first; i < physical.Length; i++)
        {
            if (IsBlankOrComment(physical[i]))
            {
                continue;
            }

            var start = i;
            var column = physical[i].Length - physical[i].TrimStart().Length + 1;
            var joined = physical[i].TrimStart();
            while (EndsWithContinuation(joined, escape, out var withoutEscape))
            {
                joined = withoutEscape;
                i = NextContentLine(physical, i + 1);
                if (i >= physical.Length)
                {
                    break;
                }

                joined += physical[i];
            }

            lines.Add(new LogicalLine(joined.TrimEnd(), start + 1, column));
        }

        return (escape, lines);
    }

    private static (char Escape, int FirstLine) ReadDirectives(string[] physical)
    {
        var escape = '\\';
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < physical.Length; i++)
        {
            var match = DirectivePattern().Match(physical[i]);
            if (!match.Success)
            {
                return (escape, i);
            }

            var name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("escape" or "syntax" or "check"))
            {
                // An unknown directive is a comment, and a comment ends the directives.
                return (escape, i);
            }

            var value = match.Groups[2].Value;
            if (!seen.Add(name))
            {
                throw new DockerfileException($"only one {name} parser directive can be used", i + 1, 1);
            }

            if (name == "escape")
            {
                escape = value is "\\" or "`"
                    ? value[0]
                    : throw new DockerfileException($"invalid escape token '{value}' does not match ` or \\", i + 1, match.Groups[2].Index + 1);
            }
        }

        return (escape, physical.Length);
    }

    private static int NextContentLine(string[] physical, int from)
    {
        while (from < physical.Length && IsBlankOrComment(physical[from]))
        {
            from++;
        }

        return from;
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    private static bool EndsWithContinuation(string text, char escape, out string withoutEscape)
    {
        var trimmed = text.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && trimmed[^1] == escape)
        {
            withoutEscape = trimmed[..^1];
            return true;
        }

        withoutEscape = text;
        return false;
    }

    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(\S+)\s*$")]
    private static partial Regex DirectivePattern();
}
