using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Cli.Serialization;

namespace Platform.Cli.Output.JsonPath;

/// <summary>
/// kubectl's -o jsonpath templates: text with {EXPRESSION} actions, {range EXPRESSION}...{end} loops
/// and {"literal"} strings. Several results of one action are joined by a space; strings print as
/// they are, other values as JSON; a missing field prints nothing, as kubectl get does.
/// </summary>
internal sealed class JsonPathTemplate
{
    private readonly IReadOnlyList<ITemplatePart> _parts;

    private JsonPathTemplate(IReadOnlyList<ITemplatePart> parts) => _parts = parts;

    public static JsonPathTemplate Parse(string template)
    {
        try
        {
            return new JsonPathTemplate(new TemplateParser(template).ParseAll());
        }
        catch (FormatException e)
        {
            throw new CliException($"error parsing jsonpath {template}: {e.Message}");
        }
    }

    public string Render(JsonNode? root)
    {
        var output = new StringBuilder();
        Write(_parts, root, root, output);
        return output.ToString();
    }

    private static void Write(IReadOnlyList<ITemplatePart> parts, JsonNode? root, JsonNode? current, StringBuilder output)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case TextPart text:
                    output.Append(text.Text);
                    break;
                case ExpressionPart expression:
                    output.AppendJoin(' ', expression.Expression.Evaluate(root, current).Select(Format));
                    break;
                case RangePart range:
                    foreach (var item in Elements(range.Expression.Evaluate(root, current)))
                    {
                        Write(range.Body, root, item, output);
                    }

                    break;
            }
        }
    }

    /// <summary>{range .items[*]} and {range .items} both walk the array's elements.</summary>
    private static IEnumerable<JsonNode?> Elements(IReadOnlyList<JsonNode?> results) =>
        results is [JsonArray array] ? array : results;

    private static string Format(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => CliJson.ToCompactText(node),
    };

    private interface ITemplatePart;

    private sealed record TextPart(string Text) : ITemplatePart;

    private sealed record ExpressionPart(JsonPathExpression Expression) : ITemplatePart;

    private sealed record RangePart(JsonPathExpression Expression, List<ITemplatePart> Body) : ITemplatePart;

    /// <summary>Splits the template into text and {actions}, nesting range bodies until their {end}.</summary>
    private sealed class TemplateParser(string template)
    {
        private int _position;

        public List<ITemplatePart> ParseAll()
        {
            var parts = ParseUntilEnd(insideRange: false);
            return parts;
        }

        private List<ITemplatePart> ParseUntilEnd(bool insideRange)
        {
            var parts = new List<ITemplatePart>();
            while (_position < template.Length)
            {
                if (template[_position] != '{')
                {
                    var next = template.IndexOf('{', _position);
                    var end = next < 0 ? template.Length : next;
                    parts.Add(new TextPart(template[_position..end]));
                    _position = end;
                    continue;
                }

                var action = ReadAction();
                if (action == "end")
                {
                    return insideRange ? parts : throw new FormatException("{end} without a {range}");
                }

                parts.Add(ToPart(action));
            }

            return insideRange ? throw new FormatException("{range} without an {end}") : parts;
        }

        private ITemplatePart ToPart(string action)
        {
            if (action.StartsWith("range ", StringComparison.Ordinal))
            {
                var expression = JsonPathExpression.Parse(action["range ".Length..].Trim());
                return new RangePart(expression, ParseUntilEnd(insideRange: true));
            }

            return action.Length >= 2 && action[0] is '"' or '\'' && action[^1] == action[0]
                ? new TextPart(Unescape(action[1..^1]))
                : new ExpressionPart(JsonPathExpression.Parse(action));
        }

        /// <summary>The text between '{' and its '}', skipping braces inside quoted strings.</summary>
        private string ReadAction()
        {
            var start = ++_position;
            char? quote = null;
            for (; _position < template.Length; _position++)
            {
                var c = template[_position];
                if (quote is { } q)
                {
                    quote = c == '\\' ? SkipEscaped(q) : c == q ? null : q;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '}')
                {
                    return template[start..(_position++)].Trim();
                }
            }

            throw new FormatException("unclosed action");
        }

        private char SkipEscaped(char quote)
        {
            _position++;
            return quote;
        }

        private static string Unescape(string text) => text
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\r", "\r", StringComparison.Ordinal)
            .Replace("\\\"", "\"", StringComparison.Ordinal)
            .Replace("\\'", "'", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);
    }
}
