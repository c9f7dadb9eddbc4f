using System.Net.Http.Headers;

namespace Platform.Oci.Registry;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge: its scheme and parameters, e.g.
/// <c>Bearer realm="https://auth/token",service="registry",scope="repository:a/b:pull,push"</c>.
/// Parameter values may be quoted and hold commas, so the list is parsed by hand.
/// </summary>
public sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public static AuthenticationChallenge From(AuthenticationHeaderValue header) =>
        new(header.Scheme, ParseParameters(header.Parameter ?? ""));

    public static IReadOnlyDictionary<string, string> ParseParameters(string text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            var (name, value, next) = ReadParameter(text, position);
            if (name.Length > 0)
            {
                parameters[name] = value;
            }
            position = next;
        }
        return parameters;
    }

    private static (string Name, string Value, int Next) ReadParameter(string text, int start)
    {
        var equals = text.IndexOf('=', start);
        if (equals < 0)
        {
            return ("", "", text.Length);
        }
        var name = text[start..equals].Trim().TrimStart(',').Trim();
        var (value, next) = equals + 1 < text.Length && text[equals + 1] == '"'
            ? ReadQuoted(text, equals + 2)
            : ReadToken(text, equals + 1);
        return (name, value, next);
    }

    private static (string Value, int Next) ReadQuoted(string text, int start)
    {
        var value = new System.Text.StringBuilder();
        var i = start;
        for (; i < text.Length && text[i] != '"'; i++)
        {
            // A backslash escapes the next character (RFC 7230 quoted-pair).
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }
            value.Append(text[i]);
        }
        var comma = text.IndexOf(',', Math.Min(i + 1, text.Length));
        return (value.ToString(), comma < 0 ? text.Length : comma + 1);
    }

    private static (string Value, int Next) ReadToken(string text, int start)
    {
        var comma = text.IndexOf(',', start);
        var end = comma < 0 ? text.Length : comma;
        return (text[start..end].Trim(), comma < 0 ? text.Length : comma + 1);
    }
}
