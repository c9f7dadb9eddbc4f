using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Platform.Cli.Output;

/// <summary>
/// Prints a JSON tree as YAML the way kubectl does: block style, keys in server order, strings quoted
/// only where they would otherwise read as another type, multi-line strings as literal blocks.
/// </summary>
internal static class YamlOutput
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    public static string Render(JsonNode? node)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new ImplicitDocumentEnd(new Emitter(writer));
        new YamlStream(new YamlDocument(ToYaml(node))).Save(emitter, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Leaves out the "..." document end marker YamlStream would write.</summary>
    private sealed class ImplicitDocumentEnd(IEmitter inner) : IEmitter
    {
        public void Emit(ParsingEvent @event) =>
            inner.Emit(@event is DocumentEnd ? new DocumentEnd(isImplicit: true) : @event);
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => Plain("null"),
        JsonObject obj => ToMapping(obj),
        JsonArray array => ToSequence(array),
        JsonValue value => ToScalar(value),
        _ => throw new InvalidOperationException($"unexpected JSON node {node.GetType().Name}"),
    };

    private static YamlMappingNode ToMapping(JsonObject obj)
    {
        var mapping = new YamlMappingNode { Style = obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block };
        foreach (var (key, value) in obj)
        {
            mapping.Add(ToString(key), ToYaml(value));
        }

        return mapping;
    }

    private static YamlSequenceNode ToSequence(JsonArray array)
    {
        var sequence = new YamlSequenceNode { Style = array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block };
        foreach (var item in array)
        {
            sequence.Add(ToYaml(item));
        }

        return sequence;
    }

    private static YamlScalarNode ToScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => ToString(value.GetValue<string>()),
        JsonValueKind.True => Plain("true"),
        JsonValueKind.False => Plain("false"),
        JsonValueKind.Null => Plain("null"),
        _ => Plain(value.ToJsonString()),
    };

    private static YamlScalarNode ToString(string text) => new(text) { Style = StyleFor(text) };

    private static ScalarStyle StyleFor(string text)
    {
        if (text.Contains('\n') && !text.Contains('\r'))
        {
            return ScalarStyle.Literal;
        }

        return ReadsAsOtherType(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
    }

    private static bool ReadsAsOtherType(string text) =>
        text.Length == 0
        || ReservedWords.Contains(text)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };
}
