using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Output.JsonPath;

/// <summary>
/// One JSONPath expression of kubectl's dialect: $ (root), @ (current), .field, ['field'], ..field
/// (recursive), [*] and .*, [N] (negative from the end), [start:end], and filters [?(@.a.b == "x")]
/// with ==, !=, &lt;, &gt;, &lt;=, &gt;= or a bare path (the field exists).
/// </summary>
internal sealed class JsonPathExpression
{
    private readonly bool _fromRoot;
    private readonly IReadOnlyList<Step> _steps;

    private JsonPathExpression(bool fromRoot, IReadOnlyList<Step> steps)
    {
        _fromRoot = fromRoot;
        _steps = steps;
    }

    public static JsonPathExpression Parse(string text) => new ExpressionParser(text).Parse();

    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, JsonNode? current)
    {
        IReadOnlyList<JsonNode?> nodes = [_fromRoot ? root : current];
        foreach (var step in _steps)
        {
            nodes = nodes.SelectMany(step.Apply).ToList();
        }

        return nodes;
    }

    private abstract record Step
    {
        public abstract IEnumerable<JsonNode?> Apply(JsonNode? node);
    }

    private sealed record FieldStep(string Name) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) =>
            node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value) ? [value] : [];
    }

    private sealed record WildcardStep : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) => node switch
        {
            JsonArray array => array,
            JsonObject obj => obj.Select(pair => pair.Value),
            _ => [],
        };
    }

    private sealed record RecursiveStep(string Name) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node)
        {
            var found = new List<JsonNode?>();
            Collect(node, found);
            return found;
        }

        private void Collect(JsonNode? node, List<JsonNode?> found)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (key == Name)
                    {
                        found.Add(value);
                    }

                    Collect(value, found);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Collect(item, found);
                }
            }
        }
    }

    private sealed record SliceStep(int? Start, int? End, bool SingleIndex) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node)
        {
            if (node is not JsonArray array)
            {
                return [];
            }

            var start = Resolve(Start ?? 0, array.Count);
            if (SingleIndex)
            {
                return start < array.Count ? [array[start]] : [];
            }

            var end = Math.Min(Resolve(End ?? array.Count, array.Count), array.Count);
            return Enumerable.Range(start, Math.Max(0, end - start)).Select(i => array[i]);
        }

        private static int Resolve(int index, int count) => index < 0 ? Math.Max(0, count + index) : index;
    }

    private sealed record FilterStep(JsonPathExpression Left, string? Operator, JsonNode? Right) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) =>
            node is JsonArray array ? array.Where(Matches) : [];

        private bool Matches(JsonNode? item)
        {
            var values = Left.Evaluate(item, item);
            if (Operator is null)
            {
                return values.Count > 0;
            }

            return values.Any(value => Compare(value, Right) is { } order && Operator switch
            {
                "==" => order == 0,
                "!=" => order != 0,
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            });
        }

        /// <summary>Numbers compare as numbers, everything else as text; null when either side is missing.</summary>
        private static int? Compare(JsonNode? left, JsonNode? right)
        {
            if (left is null || right is null)
            {
                return null;
            }

            if (left.GetValueKind() == JsonValueKind.Number && right.GetValueKind() == JsonValueKind.Number)
            {
                return left.GetValue<double>().CompareTo(right.GetValue<double>());
            }

            return string.CompareOrdinal(Text(left), Text(right));
        }

        private static string Text(JsonNode node) =>
            node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
    }

    private sealed class ExpressionParser(string text)
    {
        private static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];
        private int _position;

        public JsonPathExpression Parse()
        {
            var fromRoot = false;
            if (Peek('$'))
            {
                fromRoot = true;
                _position++;
            }
            else if (Peek('@'))
            {
                _position++;
            }

            var steps = new List<Step>();
            while (_position < text.Length)
            {
                steps.Add(ReadStep());
            }

            return new JsonPathExpression(fromRoot, steps);
        }

        private Step ReadStep()
        {
            if (Peek('.') && PeekAt(1, '.'))
            {
                _position += 2;
                return new RecursiveStep(ReadName());
            }

            if (Peek('.'))
            {
                _position++;
                if (Peek('*'))
                {
                    _position++;
                    return new WildcardStep();
                }

                return Peek('[') ? ReadBracket() : new FieldStep(ReadName());
            }

            return Peek('[') ? ReadBracket() : throw new FormatException($"unrecognized character '{text[_position]}' at {_position + 1}");
        }

        private string ReadName()
        {
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '-' or '/'))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw new FormatException($"a field name is missing at {start + 1}");
        }

        private Step ReadBracket()
        {
            var close = FindClosingBracket(_position);
            var inside = text[(_position + 1)..close].Trim();
            _position = close + 1;
            if (inside == "*")
            {
                return new WildcardStep();
            }

            if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
            {
                return new FieldStep(inside[1..^1]);
            }

            if (inside.StartsWith("?(", StringComparison.Ordinal) && inside.EndsWith(')'))
            {
                return ParseFilter(inside[2..^1].Trim());
            }

            return ParseSlice(inside);
        }

        private int FindClosingBracket(int open)
        {
            char? quote = null;
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is { } q)
                {
                    quote = c == q ? null : q;
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '[')
                {
                    depth++;
                }
                else if (c == ']' && --depth == 0)
                {
                    return i;
                }
            }

            throw new FormatException($"unterminated array index at {open + 1}");
        }

        private static SliceStep ParseSlice(string inside)
        {
            var parts = inside.Split(':');
            if (parts.Length > 3 || parts.Any(p => p.Trim().Length > 0 && !int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"invalid array index \"{inside}\"");
            }

            int? Number(string part) => part.Trim().Length == 0 ? null : int.Parse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return parts.Length == 1
                ? new SliceStep(Number(parts[0]) ?? throw new FormatException("an array index is empty"), null, SingleIndex: true)
                : new SliceStep(Number(parts[0]), Number(parts[1]), SingleIndex: false);
        }

        private static FilterStep ParseFilter(string condition)
        {
            foreach (var op in Operators)
            {
                var at = IndexOutsideQuotes(condition, op);
                if (at > 0)
                {
                    var left = JsonPathExpression.Parse(condition[..at].Trim());
                    return new FilterStep(left, op, Literal(condition[(at + op.Length)..].Trim()));
                }
            }

            return new FilterStep(JsonPathExpression.Parse(condition), null, null);
        }

        private static int IndexOutsideQuotes(string text, string token)
        {
            char? quote = null;
            for (var i = 0; i < text.Length; i++)
            {
                if (quote is { } q)
                {
                    quote = text[i] == q ? null : q;
                }
                else if (text[i] is '\'' or '"')
                {
                    quote = text[i];
                }
                else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private static JsonNode? Literal(string text)
        {
            if (text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0])
            {
                return JsonValue.Create(text[1..^1]);
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : text switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => throw new FormatException($"unrecognized literal \"{text}\" in a filter"),
                };
        }

        private bool Peek(char c) => PeekAt(0, c);

        private bool PeekAt(int offset, char c) => _position + offset < text.Length && text[_position + offset] == c;
    }
}
