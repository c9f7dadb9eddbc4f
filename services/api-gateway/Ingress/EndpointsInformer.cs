using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.ApiGateway.Watching;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// The ingress's view of every Service's Endpoints, as a Kubernetes informer keeps one: it registers with
/// the gateway's <see cref="WatchHub"/>, lists once, then applies each endpoints change as it is recorded
/// and republishes the proxy's configuration. A watch that falls behind lists again.
/// </summary>
public sealed partial class EndpointsInformer(
    IGrainFactory grains,
    WatchHub hub,
    IngressConfigProvider proxy,
    ILogger<EndpointsInformer> logger) : ChangeFollower(hub)
{
    private const string Resource = "endpoints";

    protected override void OnFollowFailed(Exception e) => LogFailed(e);

    protected override async Task FollowAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        var known = await ListAsync();
        proxy.Publish(known.Values);
        LogListed(known.Count);
        while (await watcher.Changes.WaitToReadAsync(cancellationToken))
        {
            var changed = false;
            while (watcher.Changes.TryRead(out var change))
            {
                changed |= Apply(known, change);
            }

            if (changed)
            {
                proxy.Publish(known.Values);
            }
        }

        // The hub expired this watch (it fell behind, or the log restarted): list again.
    }

    private async Task<Dictionary<string, Endpoints>> ListAsync()
    {
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.ServiceIndex).List(null);
        var all = await Task.WhenAll(keys.Select(k => grains.GetGrain<IServiceGrain>(k).GetEndpoints()));
        return all.OfType<Endpoints>().ToDictionary(e => IngressRoutes.Id(e.Metadata.Namespace!, e.Metadata.Name!));
    }

    /// <summary>Applies one change if it is about endpoints; an older revision than the one held is skipped.</summary>
    private static bool Apply(Dictionary<string, Endpoints> known, ChangeEvent change)
    {
        if (change.Resource != Resource || change.Namespace is null)
        {
            return false;
        }

        var id = IngressRoutes.Id(change.Namespace, change.Name);
        if (change.Type == ChangeTypes.Deleted)
        {
            return known.Remove(id);
        }

        var endpoints = JsonSerializer.Deserialize<Endpoints>(change.Json, ApiJson.Options)!;
        if (known.TryGetValue(id, out var held) && Revision(held) >= change.Revision)
        {
            return false;
        }

        // The log's JSON was written before the revision was known; the revision is the change's.
        endpoints.Metadata.ResourceVersion = change.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        known[id] = endpoints;
        return true;
    }

    private static long Revision(Endpoints endpoints) =>
        long.TryParse(endpoints.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    [LoggerMessage(LogLevel.Information, "Ingress: routing to the endpoints of {Count} service(s)")]
    private partial void LogListed(int count);

    [LoggerMessage(LogLevel.Warning, "Ingress: following endpoints failed; listing again")]
    private partial void LogFailed(Exception e);
}
