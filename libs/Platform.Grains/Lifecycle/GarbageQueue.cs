using Platform.Grains.Abstractions;

namespace Platform.Grains.Lifecycle;

/// <summary>
/// The garbage collector's work list: dependents in arrival order, each once. A batch is the first few that are due;
/// one whose delete failed waits before its next try, twice as long after each failure, at most <see cref="LongestWait"/>.
/// </summary>
public sealed class GarbageQueue
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly OrderedDictionary<Dependent, DateTimeOffset> dueAt = [];
    private readonly Dictionary<Dependent, int> failures = [];

    public GarbageQueue(IEnumerable<Dependent> pending)
    {
        foreach (var dependent in pending)
        {
            Add(dependent);
        }
    }

    public int Count => dueAt.Count;

    /// <summary>Everything still to do, in order (what the grain persists).</summary>
    public IReadOnlyList<Dependent> Items => [.. dueAt.Keys];

    /// <summary>Adds a dependent unless it is already waiting; true when it was new.</summary>
    public bool Add(Dependent dependent) => dueAt.TryAdd(dependent, DateTimeOffset.MinValue);

    /// <summary>Up to <paramref name="max"/> dependents due at <paramref name="now"/>, oldest first; they stay queued until done.</summary>
    public IReadOnlyList<Dependent> TakeDue(int max, DateTimeOffset now) =>
        dueAt.Where(entry => entry.Value <= now).Take(max).Select(entry => entry.Key).ToList();

    public void Done(Dependent dependent)
    {
        dueAt.Remove(dependent);
        failures.Remove(dependent);
    }

    public void Failed(Dependent dependent, DateTimeOffset now)
    {
        if (!dueAt.ContainsKey(dependent))
        {
            return;
        }

        var count = failures[dependent] = failures.GetValueOrDefault(dependent) + 1;
        var wait = TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(count - 1, 16)));
        dueAt[dependent] = now + wait;
    }
}
