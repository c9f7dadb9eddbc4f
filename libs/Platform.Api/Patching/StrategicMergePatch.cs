using System.Text.Json.Nodes;

namespace Platform.Api.Patching;

/// <summary>
/// Kubernetes' strategic merge patch for the fields this API serves: like a JSON merge patch, except that
/// lists with a merge key (containers by name, ports by containerPort, ...) merge element by element, and
/// the directives kubectl sends (<c>$patch</c>, <c>$setElementOrder/</c>, <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/</c>) are honoured.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if (patchObject[PatchDirective]?.GetValue<string>() == "replace")
        {
            var replacement = (JsonObject)patchObject.DeepClone();
            replacement.Remove(PatchDirective);
            return replacement;
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray list)
            {
                result[key] = MergeList(key, result[key] as JsonArray, list);
            }
            else
            {
                result[key] = Apply(result[key], value);
            }
        }

        ApplyListDirectives(result, patchObject);
        if (patchObject[RetainKeys] is JsonArray retained)
        {
            var keep = retained.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        return result;
    }

    private static void ApplyListDirectives(JsonObject result, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && value is JsonArray removed
                && result[key[DeleteFromPrimitiveList.Length..]] is JsonArray primitives)
            {
                var drop = removed.Select(v => v?.ToJsonString()).ToHashSet();
                foreach (var item in primitives.Where(p => drop.Contains(p?.ToJsonString())).ToList())
                {
                    primitives.Remove(item);
                }
            }
            else if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                if (result[field] is JsonArray items && MergeKeys.For(field) is { } mergeKey)
                {
                    result[field] = Reorder(items, order, mergeKey);
                }
            }
        }
    }

    private static JsonArray MergeList(string field, JsonArray? target, JsonArray patch)
    {
        if (MergeKeys.For(field) is not { } mergeKey || target is null
            || patch.Any(e => e is not JsonObject o || o[mergeKey] is null))
        {
            return WithoutDirectives(patch);
        }

        var result = (JsonArray)target.DeepClone();
        foreach (var element in patch)
        {
            var patchElement = (JsonObject)element!;
            var keyValue = patchElement[mergeKey];
            var existing = result.OfType<JsonObject>().FirstOrDefault(e => SameKey(e[mergeKey], keyValue));
            if (patchElement[PatchDirective]?.GetValue<string>() == "delete")
            {
                if (existing is not null)
                {
                    result.Remove(existing);
                }
            }
            else if (existing is null)
            {
                result.Add(Apply(null, patchElement));
            }
            else
            {
                result[result.IndexOf(existing)] = Apply(existing, patchElement);
            }
        }

        return result;
    }

    private static JsonArray Reorder(JsonArray items, JsonArray order, string mergeKey)
    {
        var ordered = new JsonArray();
        var remaining = items.Select(i => i?.DeepClone()).ToList();
        foreach (var key in order.OfType<JsonObject>().Select(o => o[mergeKey]))
        {
            var match = remaining.OfType<JsonObject>().FirstOrDefault(i => SameKey(i[mergeKey], key));
            if (match is not null)
            {
                ordered.Add(match);
                remaining.Remove(match);
            }
        }

        foreach (var rest in remaining)
        {
            ordered.Add(rest);
        }

        return ordered;
    }

    private static JsonArray WithoutDirectives(JsonArray patch)
    {
        var clean = new JsonArray();
        foreach (var element in patch)
        {
            var copy = element?.DeepClone();
            if (copy is JsonObject o)
            {
                o.Remove(PatchDirective);
            }

            clean.Add(copy);
        }

        return clean;
    }

    private static bool SameKey(JsonNode? a, JsonNode? b) => a?.ToJsonString() == b?.ToJsonString();
}
