using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Build.Context;

/// <summary>
/// <c>.dockerignore</c> rules as Docker applies them: one pattern a line, <c>#</c> comments, Go's
/// <c>filepath.Match</c> syntax plus <c>**</c> for any number of directories, <c>!</c> to re-include;
/// the last matching pattern wins, and a pattern matching a directory matches everything under it.
/// </summary>
public sealed class IgnorePatterns
{
    private readonly List<(Regex Pattern, bool Exclude)> rules;

    private IgnorePatterns(List<(Regex, bool)> rules) => this.rules = rules;

    public static IgnorePatterns None { get; } = new([]);

    /// <summary>True when some pattern re-includes (<c>!</c>), so an ignored directory must still be walked.</summary>
    public bool HasExceptions => rules.Any(r => !r.Exclude);

    public static IgnorePatterns Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var exclude = line[0] != '!';
            if (!exclude)
            {
                line = line[1..].Trim();
            }

            var cleaned = Clean(line);
            if (cleaned.Length > 0)
            {
                rules.Add((ToRegex(cleaned), exclude));
            }
        }

        return new IgnorePatterns(rules);
    }

    /// <summary>Whether <paramref name="relativePath"/> (with '/' separators) is left out of the context.</summary>
    public bool IsIgnored(string relativePath)
    {
        var ignored = false;
        foreach (var (pattern, exclude) in rules)
        {
            if (MatchesItselfOrParent(pattern, relativePath))
            {
                ignored = exclude;
            }
        }

        return ignored;
    }

    private static bool MatchesItselfOrParent(Regex pattern, string path)
    {
        if (pattern.IsMatch(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Go's filepath.Clean, relative to the context root: no leading '/', no '.', '..' resolved.</summary>
    private static string Clean(string pattern)
    {
        var parts = new List<string>();
        foreach (var part in pattern.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    // "**/" is zero or more whole directories.
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                if (end < 0)
                {
                    regex.Append(@"\[");
                    continue;
                }

                var set = pattern[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
