using Platform.Api.Model;
using Platform.Grains.Abstractions;

namespace Platform.Grains.Lifecycle;

/// <summary>What an owner does to the objects that name it in their ownerReferences.</summary>
public static class Dependents
{
    private const int Attempts = 5;

    /// <summary>
    /// Orphan propagation: the dependent loses its reference to the owner (by uid) and stays. An update that loses a
    /// race to another writer is tried again on the newest object.
    /// </summary>
    public static async Task Orphan<TGrain, T>(this IGrainFactory grains, string key, string ownerUid)
        where TGrain : IObjectGrain<T>
        where T : class, IApiObject
    {
        var grain = grains.GetGrain<TGrain>(key);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await grain.Get() is not { } dependent || dependent.Metadata.OwnerReferences?.Any(o => o.Uid == ownerUid) != true)
            {
                return;
            }

            dependent.Metadata.OwnerReferences = dependent.Metadata.OwnerReferences.Where(o => o.Uid != ownerUid).ToList();
            if ((await grain.Update(dependent)).Outcome != WriteOutcome.Conflict)
            {
                return;
            }
        }
    }

    /// <summary>Hands dependents to the garbage collector of their kind; returns once they are persisted there.</summary>
    public static Task CollectGarbage(this IGrainFactory grains, IReadOnlyCollection<Dependent> dependents) =>
        Task.WhenAll(dependents
            .GroupBy(d => d.Kind)
            .Select(kind => grains.GetGrain<IGarbageCollectorGrain>(GrainKeys.GarbageCollector(kind.Key)).Collect(kind.ToList())));
}
