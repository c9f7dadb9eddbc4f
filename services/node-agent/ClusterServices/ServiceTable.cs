using System.Collections.Frozen;
using Platform.Contracts;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// The Services this node knows, from <see cref="ServiceRoutingChanged"/> and <see cref="ServiceRoutingSnapshot"/>
/// messages that may arrive late, twice or out of order. Each service keeps the newest revision seen (a deletion
/// is kept as a tombstone); a snapshot replaces everything it is newer than, and its revision becomes the floor
/// below which nothing is applied again (then tombstones under it are forgotten). Readers get an immutable view.
/// </summary>
public sealed class ServiceTable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Revision, ServiceRouting? Routing)> entries = [];
    private readonly TaskCompletionSource firstSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long floor;
    private FrozenDictionary<string, ServiceRouting> live = FrozenDictionary<string, ServiceRouting>.Empty;

    /// <summary>Raised after the live set changed (outside the table's lock).</summary>
    public event Action? Changed;

    /// <summary>Completes once a snapshot has been applied: from then on the table has converged with the cluster.</summary>
    public Task FirstSnapshot => firstSnapshot.Task;

    /// <summary>Every live service, keyed namespace/name.</summary>
    public IReadOnlyDictionary<string, ServiceRouting> Services => live;

    public ServiceRouting? Find(string @namespace, string name) => live.GetValueOrDefault(Key(@namespace, name));

    /// <summary>Applies one change; false when it was older than what is held.</summary>
    public bool Apply(ServiceRoutingChanged change)
    {
        lock (gate)
        {
            if (!Take(Key(change.Namespace, change.Name), change.Revision, change.Routing))
            {
                return false;
            }

            Publish();
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>Applies a whole snapshot: its services where newer, and deletes what it lacks unless held at a newer revision.</summary>
    public void Apply(ServiceRoutingSnapshot snapshot)
    {
        lock (gate)
        {
            var present = new HashSet<string>();
            foreach (var service in snapshot.Services)
            {
                var key = Key(service.Namespace, service.Name);
                present.Add(key);
                Take(key, service.Revision, service);
            }

            foreach (var (key, entry) in entries.ToList())
            {
                if (!present.Contains(key) && entry.Revision <= snapshot.Revision)
                {
                    entries.Remove(key);
                }
            }

            floor = Math.Max(floor, snapshot.Revision);
            foreach (var (key, entry) in entries.ToList())
            {
                if (entry.Routing is null && entry.Revision <= floor)
                {
                    entries.Remove(key);
                }
            }

            Publish();
        }

        firstSnapshot.TrySetResult();
        Changed?.Invoke();
    }

    /// <summary>Records a service's state at a revision if it is newer than both what is held and the last snapshot.</summary>
    private bool Take(string key, long revision, ServiceRouting? routing)
    {
        if (revision <= floor || (entries.TryGetValue(key, out var held) && held.Revision >= revision))
        {
            return false;
        }

        entries[key] = (revision, routing);
        return true;
    }

    private void Publish() =>
        live = entries.Where(e => e.Value.Routing is not null).ToFrozenDictionary(e => e.Key, e => e.Value.Routing!, StringComparer.Ordinal);

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";
}
