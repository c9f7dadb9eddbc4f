using Platform.Build.Cache;

namespace Platform.NodeAgent.Builds;

/// <summary>--explain: why the first step that missed the cache missed, from what earlier builds recorded on top of the same parent.</summary>
public static class CacheExplanation
{
    public static async Task<string> ExplainAsync(
        BuildCacheClient cache, string parentKey, string instruction, IReadOnlyDictionary<string, string>? files, bool noCache, CancellationToken cancellationToken)
    {
        if (noCache)
        {
            return "cache miss: --no-cache";
        }

        var earlier = await cache.ChildrenAsync(parentKey, cancellationToken);
        if (earlier.Count == 0)
        {
            return "cache miss: no earlier build ran any step after the previous one";
        }

        if (earlier.FirstOrDefault(e => e.Instruction == instruction) is { } same)
        {
            if (files is null || same.Files is null)
            {
                return $"cache miss: the source of \"{instruction}\" changed";
            }

            var changed = files.Where(f => !same.Files.TryGetValue(f.Key, out var before) || before != f.Value).Select(f => f.Key)
                .Concat(same.Files.Keys.Where(k => !files.ContainsKey(k)))
                .Order(StringComparer.Ordinal).ToList();
            return changed.Count == 0
                ? $"cache miss: the layer of \"{instruction}\" is no longer in the image store"
                : $"cache miss: copied files changed: {string.Join(", ", changed.Take(10))}{(changed.Count > 10 ? $" and {changed.Count - 10} more" : "")}";
        }

        return $"cache miss: the instruction changed; was \"{earlier[^1].Instruction}\", now \"{instruction}\"";
    }
}
