using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Build.Files;

/// <summary>COPY source patterns (Go's filepath.Match: <c>*</c>, <c>?</c>, <c>[...]</c> within one path component).</summary>
public static class PathGlob
{
    public static bool IsPattern(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The paths under <paramref name="root"/> (relative, '/'-separated, sorted) that match <paramref name="pattern"/>.</summary>
    public static List<string> Match(string root, string pattern)
    {
        var regex = ToRegex(pattern);
        var depth = pattern.Count(c => c == '/');
        var matches = new List<string>();
        Walk(root, string.Empty, 0, depth, regex, matches);
        return matches;
    }

    private static void Walk(string root, string relative, int level, int depth, Regex regex, List<string> matches)
    {
        var directory = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var name in Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? name : $"{relative}/{name}";
            if (level == depth)
            {
                if (regex.IsMatch(path))
                {
                    matches.Add(path);
                }
            }
            else if (FileStatus.Lstat(Path.Combine(root, path)).IsDirectory)
            {
                Walk(root, path, level + 1, depth, regex, matches);
            }
        }
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
