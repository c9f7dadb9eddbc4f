using Orleans.Concurrency;

namespace Platform.Grains.Abstractions.Watching;

/// <summary>
/// The cluster's revision counter and a window of recent changes, like etcd's revision and watch
/// history: every write of a stored object is recorded here and gets the next revision, so
/// resourceVersions are totally ordered and a watch can resume from any of them. One grain, keyed
/// by <see cref="GrainKeys.ChangeLog"/>.
/// </summary>
public interface IChangeLogGrain : IGrainWithStringKey
{
    /// <summary>Assigns the next revision, writes it into the object's <c>metadata.resourceVersion</c> and keeps the change.</summary>
    Task<long> Record(string type, string resource, string? @namespace, string name, string json);

    Task<long> CurrentRevision();

    /// <summary>The changes with a revision greater than <paramref name="revision"/>, oldest first.</summary>
    Task<ChangeBatch> ReadSince(long revision);

    /// <summary>Subscribes (or renews) an observer that is told the newest revision after each change.</summary>
    Task Subscribe(IChangeObserver observer);

    Task Unsubscribe(IChangeObserver observer);
}

/// <summary>A doorbell: told the newest revision, the observer reads what it has not seen with ReadSince.</summary>
public interface IChangeObserver : IGrainObserver
{
    [OneWay]
    Task Changed(long revision);
}
