using Platform.Grains.Abstractions;

namespace Platform.Grains.Lifecycle;

/// <summary>The persisted state of a garbage collector grain: the dependents it has still to delete, in order.</summary>
public sealed class GarbageRecord
{
    public List<Dependent> Pending { get; set; } = [];
}
