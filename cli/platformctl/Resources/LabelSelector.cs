using System.Text.Json.Nodes;

namespace Platform.Cli.Resources;

/// <summary>
/// kubectl's label selectors: "app=web,tier!=db,release,!canary,env in (a,b),env notin (c)". The
/// gateway is sent the selector as labelSelector, and the answer is filtered here too, so -l means
/// the same whether or not the server filters.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(string text, IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements)
    {
        Text = text;
        _requirements = requirements;
    }

    public string Text { get; }

    public static LabelSelector Parse(string text)
    {
        var requirements = SplitTopLevel(text).Select(part => ParseRequirement(part.Trim(), text)).ToList();
        return requirements.Count == 0 ? throw Invalid(text) : new LabelSelector(text, requirements);
    }

    public bool Matches(JsonNode item)
    {
        var labels = item["metadata"]?["labels"] is JsonObject map
            ? map.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? string.Empty)
            : [];
        return _requirements.All(requirement => requirement(labels));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string text)
    {
        if (part.StartsWith('!'))
        {
            var key = Key(part[1..], text);
            return labels => !labels.ContainsKey(key);
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(part[..at], text);
                var set = part[(at + op.Length)..].Trim();
                if (!set.StartsWith('(') || !set.EndsWith(')'))
                {
                    throw Invalid(text);
                }

                var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                return labels => labels.TryGetValue(key, out var value) ? values.Contains(value) != negate : negate;
            }
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(part[..at], text);
                var expected = part[(at + op.Length)..].Trim();
                return labels => labels.TryGetValue(key, out var value) ? (value == expected) != negate : negate;
            }
        }

        var existing = Key(part, text);
        return labels => labels.ContainsKey(existing);
    }

    private static string Key(string key, string text)
    {
        var trimmed = key.Trim();
        return trimmed.Length > 0 && !trimmed.Any(c => char.IsWhiteSpace(c) || c is '=' or '!' or '(' or ')' or ',') ? trimmed : throw Invalid(text);
    }

    /// <summary>Splits at commas that are not inside "in (...)" sets.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length || text.Length == 0)
        {
            yield return text[start..];
        }
    }

    private static CliException Invalid(string text) => new($"unable to parse requirement: invalid label selector \"{text}\"");
}
