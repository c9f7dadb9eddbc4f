using Platform.Api.Validation;

namespace Platform.Api.Selection;

/// <summary>
/// Parses the string form of label selectors as kubectl sends it in <c>labelSelector</c>:
/// <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, joined by commas.
/// </summary>
public static class LabelSelectorParser
{
    public static LabelSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LabelSelection.Everything;
        }

        var requirements = SplitTerms(text).Select(ParseTerm).ToList();
        return new LabelSelection(requirements);
    }

    /// <summary>Splits on commas that are not inside a value set's parentheses.</summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0 || depth > 1)
            {
                throw new FormatException($"unbalanced parentheses in label selector \"{text}\"");
            }

            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        if (depth != 0)
        {
            throw new FormatException($"unbalanced parentheses in label selector \"{text}\"");
        }

        yield return text[start..].Trim();
    }

    private static Requirement ParseTerm(string term)
    {
        if (term.Length == 0)
        {
            throw new FormatException("empty term in label selector");
        }

        if (term.StartsWith('!'))
        {
            return new Requirement(CheckKey(term[1..].Trim()), SelectorOperator.DoesNotExist, []);
        }

        if (term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0)
        {
            return Comparison(term, ne, 2, SelectorOperator.NotEquals);
        }

        if (term.IndexOf("==", StringComparison.Ordinal) is var eq2 and > 0)
        {
            return Comparison(term, eq2, 2, SelectorOperator.Equals);
        }

        if (term.IndexOf('=') is var eq and > 0)
        {
            return Comparison(term, eq, 1, SelectorOperator.Equals);
        }

        var parts = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return new Requirement(CheckKey(parts[0]), SelectorOperator.Exists, []);
        }

        return SetTerm(parts[0], parts[1]);
    }

    private static Requirement Comparison(string term, int at, int width, SelectorOperator op)
    {
        var value = term[(at + width)..].Trim();
        if (Names.CheckLabelValue(value) is { } problem)
        {
            throw new FormatException($"invalid label value \"{value}\" in selector: {problem}");
        }

        return new Requirement(CheckKey(term[..at].Trim()), op, [value]);
    }

    private static Requirement SetTerm(string key, string rest)
    {
        var space = rest.IndexOf('(');
        var opText = space < 0 ? rest : rest[..space].Trim();
        var op = opText switch
        {
            "in" => SelectorOperator.In,
            "notin" => SelectorOperator.NotIn,
            _ => throw new FormatException($"unknown operator \"{opText}\" in label selector (expected =, ==, !=, in, notin)"),
        };
        if (space < 0 || !rest.EndsWith(')'))
        {
            throw new FormatException($"\"{opText}\" needs a parenthesised set of values, as in {key} {opText} (a,b)");
        }

        var values = rest[(space + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            throw new FormatException($"\"{key} {opText}\" needs at least one value");
        }

        return new Requirement(CheckKey(key), op, values);
    }

    private static string CheckKey(string key)
    {
        if (Names.CheckQualifiedName(key) is { } problem)
        {
            throw new FormatException($"invalid label key \"{key}\" in selector: {problem}");
        }

        return key;
    }
}
