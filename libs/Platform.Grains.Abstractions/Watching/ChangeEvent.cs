namespace Platform.Grains.Abstractions.Watching;

/// <summary>
/// One change to one stored object, numbered by the cluster-wide revision that became the object's
/// <c>metadata.resourceVersion</c>. <see cref="Json"/> is the object after the change (before it, for DELETED).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeEvent(
    [property: Id(0)] long Revision,
    [property: Id(1)] string Type,
    [property: Id(2)] string Resource,
    [property: Id(3)] string? Namespace,
    [property: Id(4)] string Name,
    [property: Id(5)] string Json);

/// <summary>The watch event types, as Kubernetes names them.</summary>
public static class ChangeTypes
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}

/// <summary>
/// The changes after a revision, or <see cref="TooOld"/> when the log no longer holds all of them
/// (the watcher must list again, as Kubernetes' 410 Gone says).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeBatch(
    [property: Id(0)] IReadOnlyList<ChangeEvent> Changes,
    [property: Id(1)] long Revision,
    [property: Id(2)] bool TooOld);
