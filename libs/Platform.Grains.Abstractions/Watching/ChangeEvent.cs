namespace Platform.Grains.Abstractions.Watching;

/// <summary>
/// One change to one stored object, numbered by the cluster-wide revision that became the object's
/// <c>metadata.resourceVersion</c>. <see cref="Json"/> is the object after the change (before it, for DELETED);
/// <see cref="Previous"/> the object as the change before it left it, when the log still knows it, so that a watch
/// with a selector can tell an object entering or leaving its selection.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeEvent(
    [property: Id(0)] long Revision,
    [property: Id(1)] string Type,
    [property: Id(2)] string Resource,
    [property: Id(3)] string? Namespace,
    [property: Id(4)] string Name,
    [property: Id(5)] string Json,
    [property: Id(6)] string? Previous = null);

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
