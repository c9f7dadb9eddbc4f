using System.Text.Json.Nodes;

namespace Platform.Api.Selection;

/// <summary>
/// A field selector (<c>metadata.name=x,spec.nodeName!=y</c>): equality terms on an object's fields,
/// looked up by their JSON path, so one implementation serves every kind.
/// </summary>
public sealed class FieldSelection
{
    public static readonly FieldSelection Everything = new([]);

    private readonly IReadOnlyList<(string Path, string Value, bool Negated)> terms;

    private FieldSelection(IReadOnlyList<(string Path, string Value, bool Negated)> terms) => this.terms = terms;

    public bool IsEmpty => terms.Count == 0;

    public static FieldSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, string, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var negated = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negated ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new FormatException($"invalid field selector term \"{term}\" (expected field=value or field!=value)");
            }

            terms.Add((parts[0].Trim(), parts[1].Trim(), negated));
        }

        return new FieldSelection(terms);
    }

    /// <summary>Whether the object, as its JSON, satisfies every term; a missing field reads as "".</summary>
    public bool Matches(JsonNode? json) =>
        terms.All(t => (Lookup(json, t.Path) == t.Value) != t.Negated);

    private static string Lookup(JsonNode? json, string path)
    {
        var node = json;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node is JsonValue value ? value.ToString() : "";
    }
}
