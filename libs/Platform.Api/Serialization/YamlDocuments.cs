using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Api.Serialization;

/// <summary>
/// Turns YAML (one or many documents separated by ---) into JSON nodes with YAML 1.2 core-schema
/// typing, so the rest of the system only ever reads JSON.
/// </summary>
public static class YamlDocuments
{
    public static IReadOnlyList<JsonNode> Parse(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ManifestFormatException($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some malformed flow collections this way rather than as a YamlException.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new ManifestFormatException($"invalid YAML at line {at.Line}, column {at.Column}: malformed collection ({e.Message})");
        }

        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .Where(n => n is not null)
            .Select(n => n!)
            .ToList();
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => ToObject(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new ManifestFormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject ToObject(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new ManifestFormatException($"a mapping key at line {key.Start.Line} is not a plain string");
            }

            if (obj.ContainsKey(name))
            {
                throw new ManifestFormatException($"duplicate key \"{name}\" at line {key.Start.Line}");
            }

            obj[name] = ToJson(value);
        }

        return obj;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when IsFloat(value, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }

    private static bool IsFloat(string value, out double result)
    {
        result = 0;
        return value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.')
            && value.Any(char.IsDigit)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }
}
