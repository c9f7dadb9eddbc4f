using Platform.Grains.Abstractions;

namespace Platform.Grains.Indexing;

/// <summary>A persisted, ordered set of object keys.</summary>
public sealed class ResourceIndexGrain(
    [PersistentState("index", StorageNames.ControlPlane)] IPersistentState<SortedSet<string>> keys) : Grain, IResourceIndexGrain
{
    public async Task Add(string key)
    {
        if (keys.State.Add(key))
        {
            await keys.WriteStateAsync();
        }
    }

    public async Task Remove(string key)
    {
        if (keys.State.Remove(key))
        {
            await keys.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List(string? prefix)
    {
        IReadOnlyList<string> matching = keys.State
            .Where(k => prefix is null || k.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return Task.FromResult(matching);
    }
}
