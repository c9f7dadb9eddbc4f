using Platform.Grains.Abstractions;
using Platform.Grains.Persistence;

namespace Platform.Grains.Indexing;

/// <summary>
/// A persisted, ordered set of object keys. Its calls interleave: a change is made in memory at once and the set is
/// written for all changes of a burst together (<see cref="SharedWrite"/>); each call returns once its change is persisted.
/// </summary>
public sealed class ResourceIndexGrain(
    [PersistentState("index", StorageNames.ControlPlane)] IPersistentState<SortedSet<string>> keys) : Grain, IResourceIndexGrain
{
    private SharedWrite? writes;

    private SharedWrite Writes => writes ??= new SharedWrite(() => keys.WriteStateAsync());

    public Task Add(string key) => keys.State.Add(key) ? Writes.WriteAsync() : Writes.FlushedAsync();

    public Task Remove(string key) => keys.State.Remove(key) ? Writes.WriteAsync() : Writes.FlushedAsync();

    public Task<IReadOnlyList<string>> List(string? prefix)
    {
        IReadOnlyList<string> matching = keys.State
            .Where(k => prefix is null || k.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        return Task.FromResult(matching);
    }
}
