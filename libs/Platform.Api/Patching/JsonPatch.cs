using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Api.Patching;

/// <summary>RFC 6902 JSON patch (kubectl patch --type json): add, remove, replace, move, copy and test, by JSON pointer.</summary>
public static class JsonPatch
{
    public static JsonNode? Apply(JsonNode current, JsonArray operations)
    {
        var document = current.DeepClone();
        foreach (var operation in operations)
        {
            var op = operation?["op"]?.GetValue<string>() ?? throw new PatchException("every operation needs \"op\"");
            var path = operation["path"]?.GetValue<string>() ?? throw new PatchException($"operation {op} needs \"path\"");
            switch (op)
            {
                case "add":
                    Add(document, path, Value(operation));
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, Value(operation));
                    break;
                case "move":
                    var moved = Find(document, From(operation))?.DeepClone();
                    Remove(document, From(operation));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Find(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (Find(document, path)?.ToJsonString() != Value(operation)?.ToJsonString())
                    {
                        throw new PatchException($"test failed at {path}");
                    }

                    break;
                default:
                    throw new PatchException($"unknown operation \"{op}\"");
            }
        }

        return document;
    }

    private static JsonNode? Value(JsonNode operation) => operation["value"]?.DeepClone();

    private static string From(JsonNode operation) => operation["from"]?.GetValue<string>() ?? throw new PatchException("move and copy need \"from\"");

    private static JsonNode? Find(JsonNode document, string path)
    {
        var node = document;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw new PatchException($"path {path} does not exist"),
            };
        }

        return node;
    }

    private static void Add(JsonNode document, string path, JsonNode? value)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchException($"cannot add at {path}");
        }
    }

    private static void Remove(JsonNode document, string path)
    {
        var (parent, last) = Parent(document, path);
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => Remove(a, i),
            _ => false,
        };
        if (!removed)
        {
            throw new PatchException($"path {path} does not exist");
        }
    }

    private static bool Remove(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string path)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            throw new PatchException("the whole document cannot be replaced by a patch operation");
        }

        var parent = Find(document, "/" + string.Join("/", tokens.Take(tokens.Count - 1).Select(Escape))) ?? throw new PatchException($"path {path} does not exist");
        return (parent, tokens[^1]);
    }

    private static List<string> Tokens(string path) =>
        path.Length == 0 ? [] : path.Split('/').Skip(1).Where(t => t.Length > 0 || path != "/").Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}

/// <summary>A patch that cannot be applied to the object (a missing path, a failed test).</summary>
public sealed class PatchException(string message) : Exception(message);
