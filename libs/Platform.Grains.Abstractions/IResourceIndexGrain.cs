using Orleans.Concurrency;

namespace Platform.Grains.Abstractions;

/// <summary>
/// The set of keys of one kind of object (all pods, all nodes, unsettled pods), so they can be listed.
/// Keyed by <see cref="GrainKeys"/> index names.
/// </summary>
public interface IResourceIndexGrain : IGrainWithStringKey
{
    /// <summary>Interleaves with the other calls: the changes of a burst are written together.</summary>
    [AlwaysInterleave]
    Task Add(string key);

    [AlwaysInterleave]
    Task Remove(string key);

    /// <summary>The keys in order; with a prefix, only those starting with it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> List(string? prefix);
}
