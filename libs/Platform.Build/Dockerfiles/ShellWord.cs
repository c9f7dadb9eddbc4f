using System.Text;

namespace Platform.Build.Dockerfiles;

/// <summary>
/// Docker's word processing for instruction arguments: <c>$VAR</c>, <c>${VAR}</c> and the modifiers
/// <c>:-</c> <c>-</c> <c>:+</c> <c>+</c> <c>:?</c> <c>?</c>; single quotes are literal, double quotes
/// expand but keep spaces, the escape character takes the next character literally; quotes are removed.
/// Undefined variables expand to nothing. RUN is never expanded here: its shell does that.
/// </summary>
public sealed class ShellWord
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, string> variables;
    private readonly char escape;
    private int position;

    private ShellWord(string text, IReadOnlyDictionary<string, string> variables, char escape)
    {
        this.text = text;
        this.variables = variables;
        this.escape = escape;
    }

    /// <summary>Expands one word (quotes removed, no splitting).</summary>
    public static string Expand(string word, IReadOnlyDictionary<string, string> variables, char escape = '\\')
    {
        var lexer = new ShellWord(word, variables, escape);
        return lexer.ReadUntil(stopAt: null);
    }

    /// <summary>
    /// Splits on whitespace outside quotes, keeping the quotes and escapes in each word for a later
    /// <see cref="Expand"/> (Docker's word splitting of ENV, LABEL and ARG arguments).
    /// </summary>
    public static List<string> SplitWords(string text, char escape = '\\')
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                continue;
            }

            word.Append(c);
            if (c == escape && quote != '\'' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else if (c is '"' or '\'' && (quote is null || quote == c))
            {
                quote = quote is null ? c : null;
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private string ReadUntil(char? stopAt)
    {
        var result = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (stopAt == c)
            {
                return result.ToString();
            }

            position++;
            if (c == escape)
            {
                result.Append(position < text.Length ? text[position++] : c);
            }
            else if (c == '\'')
            {
                result.Append(ReadSingleQuoted());
            }
            else if (c == '"')
            {
                result.Append(ReadDoubleQuoted());
            }
            else if (c == '$')
            {
                result.Append(ReadVariable());
            }
            else
            {
                result.Append(c);
            }
        }

        if (stopAt is not null)
        {
            throw new FormatException($"missing '{stopAt}' in \"{text}\"");
        }

        return result.ToString();
    }

    private string ReadSingleQuoted()
    {
        var end = text.IndexOf('\'', position);
        if (end < 0)
        {
            throw new FormatException($"unexpected end of statement while looking for matching single-quote in \"{text}\"");
        }

        var literal = text[position..end];
        position = end + 1;
        return literal;
    }

    private string ReadDoubleQuoted()
    {
        var result = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return result.ToString();
            }

            if (c == escape && position < text.Length)
            {
                var next = text[position];
                // Only these can be escaped inside double quotes; any other escape stays as written.
                if (next is '"' or '$' || next == escape)
                {
                    position++;
                    result.Append(next);
                }
                else
                {
                    result.Append(c);
                }
            }
            else if (c == '$')
            {
                result.Append(ReadVariable());
            }
            else
            {
                result.Append(c);
            }
        }

        throw new FormatException($"unexpected end of statement while looking for matching double-quote in \"{text}\"");
    }

    private string ReadVariable()
    {
        if (position >= text.Length)
        {
            return "$";
        }

        if (text[position] == '{')
        {
            position++;
            return ReadBracedVariable();
        }

        var name = ReadName();
        return name.Length == 0 ? "$" : Lookup(name) ?? string.Empty;
    }

    private string ReadBracedVariable()
    {
        var name = ReadName();
        if (name.Length == 0)
        {
            throw new FormatException($"bad substitution: missing variable name in \"{text}\"");
        }

        if (position >= text.Length)
        {
            throw new FormatException($"missing '}}' in \"{text}\"");
        }

        var modifier = text[position++];
        if (modifier == '}')
        {
            return Lookup(name) ?? string.Empty;
        }

        var colon = modifier == ':';
        if (colon)
        {
            modifier = position < text.Length ? text[position++] : '}';
        }

        if (modifier is not ('-' or '+' or '?'))
        {
            throw new FormatException($"unsupported modifier ({modifier}) in substitution of ${{{name}}} in \"{text}\"");
        }

        var word = ReadUntil('}');
        position++;
        var value = Lookup(name);
        var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
        return modifier switch
        {
            '-' => set ? value! : word,
            '+' => set ? word : string.Empty,
            _ => set ? value! : throw new FormatException($"{name}: {(word.Length > 0 ? word : "is not allowed to be unset")}"),
        };
    }

    private string ReadName()
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private string? Lookup(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
