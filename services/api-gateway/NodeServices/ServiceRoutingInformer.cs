using MassTransit;
using Platform.ApiGateway.Watching;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Services;
using Platform.Messaging;

namespace Platform.ApiGateway.NodeServices;

/// <summary>
/// Tells the node agents about Services, as Kubernetes' kube-proxy learns them from a watch: it registers
/// with the gateway's <see cref="WatchHub"/>, lists every Service and Endpoints, publishes the whole set as a
/// <see cref="ServiceRoutingSnapshot"/>, then publishes a <see cref="ServiceRoutingChanged"/> for each service
/// a change touches. A watch that falls behind, or a failed publish, lists and publishes a snapshot again,
/// so every node converges; agents also ask for a snapshot when they start.
/// </summary>
public sealed partial class ServiceRoutingInformer(
    IGrainFactory grains,
    WatchHub hub,
    IBus bus,
    TimeProvider time,
    ILogger<ServiceRoutingInformer> logger) : ChangeFollower(hub)
{
    private readonly Lock gate = new();
    private readonly ServiceRoutingView view = new();
    private readonly TaskCompletionSource listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every Service as of now; waits for the first list after the gateway started.</summary>
    public async Task<ServiceRoutingSnapshot> SnapshotAsync(Guid? requestId, CancellationToken cancellationToken)
    {
        await listed.Task.WaitAsync(cancellationToken);
        lock (gate)
        {
            return new ServiceRoutingSnapshot(view.Revision, requestId, view.All(), time.GetUtcNow());
        }
    }

    protected override void OnFollowFailed(Exception e) => LogFailed(e);

    protected override async Task FollowAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        await ListAsync();
        var snapshot = await SnapshotAsync(null, cancellationToken);
        await bus.PublishWithin(snapshot, BoundedDelivery.DefaultTimeout, cancellationToken, publish => publish.TimeToLive = QueueNames.ServiceRoutingTimeToLive);
        LogPublishedSnapshot(snapshot.Services.Count, snapshot.Revision);
        while (await watcher.Changes.WaitToReadAsync(cancellationToken))
        {
            foreach (var changed in Drain(watcher))
            {
                await bus.PublishWithin(changed, BoundedDelivery.DefaultTimeout, cancellationToken, publish => publish.TimeToLive = QueueNames.ServiceRoutingTimeToLive);
                LogPublishedChange(changed.Namespace, changed.Name, changed.Revision, changed.Routing is null);
            }
        }

        // The hub expired this watch (it fell behind, or the log restarted): list again.
    }

    /// <summary>Reads the log's revision first, then every Service and Endpoints: whatever changes meanwhile also arrives through the watch.</summary>
    private async Task ListAsync()
    {
        var revision = await grains.GetGrain<IChangeLogGrain>(GrainKeys.ChangeLog).CurrentRevision();
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.ServiceIndex).List(null);
        var services = await Task.WhenAll(keys.Select(k => grains.GetGrain<IServiceGrain>(k).Get()));
        var endpoints = await Task.WhenAll(keys.Select(k => grains.GetGrain<IServiceGrain>(k).GetEndpoints()));
        lock (gate)
        {
            view.Load(revision, services.OfType<Platform.Api.Model.Service>(), endpoints.OfType<Platform.Api.Model.Endpoints>());
        }

        listed.TrySetResult();
    }

    /// <summary>Applies every change waiting in the watch; one message per touched service, with its state after all of them.</summary>
    private List<ServiceRoutingChanged> Drain(Watcher watcher)
    {
        lock (gate)
        {
            var touched = new Dictionary<string, long>();
            while (watcher.Changes.TryRead(out var change))
            {
                if (view.Apply(change) is { } key)
                {
                    touched[key] = change.Revision;
                }
            }

            return touched.Select(t =>
            {
                var (ns, name) = GrainKeys.ParsePod(t.Key);
                return new ServiceRoutingChanged(ns, name, t.Value, view.Routing(t.Key));
            }).ToList();
        }
    }

    [LoggerMessage(LogLevel.Information, "Node services: published a snapshot of {Count} service(s) at revision {Revision}")]
    private partial void LogPublishedSnapshot(int count, long revision);

    [LoggerMessage(LogLevel.Debug, "Node services: published {Namespace}/{Name} at revision {Revision} (deleted: {Deleted})")]
    private partial void LogPublishedChange(string @namespace, string name, long revision, bool deleted);

    [LoggerMessage(LogLevel.Warning, "Node services: following services failed; listing again")]
    private partial void LogFailed(Exception e);
}
