using System.Globalization;
using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Contracts;
using Platform.Grains.Abstractions.Watching;

namespace Platform.Grains.Services;

/// <summary>
/// Every Service and its Endpoints as the nodes need them (<see cref="ServiceRouting"/>), kept current from
/// the cluster's change log: listed once, then each change applied in revision order. Pure code; the
/// gateway's informer feeds it and publishes what changed.
/// </summary>
public sealed class ServiceRoutingView
{
    private const string ServicesResource = "services";
    private const string EndpointsResource = "endpoints";

    private readonly Dictionary<string, (long Revision, Service Service)> services = [];
    private readonly Dictionary<string, (long Revision, Endpoints Endpoints)> endpoints = [];

    /// <summary>The newest revision this view reflects: every change up to it has been applied.</summary>
    public long Revision { get; private set; }

    /// <summary>Replaces everything with a fresh list read after the log stood at <paramref name="revision"/>.</summary>
    public void Load(long revision, IEnumerable<Service> listedServices, IEnumerable<Endpoints> listedEndpoints)
    {
        services.Clear();
        endpoints.Clear();
        Revision = revision;
        foreach (var service in listedServices)
        {
            services[Key(service.Metadata)] = (RevisionOf(service.Metadata), service);
        }

        foreach (var item in listedEndpoints)
        {
            endpoints[Key(item.Metadata)] = (RevisionOf(item.Metadata), item);
        }
    }

    /// <summary>Applies one change of the log; returns the key (namespace/name) of the service whose routing it changed, or null.</summary>
    public string? Apply(ChangeEvent change)
    {
        Revision = Math.Max(Revision, change.Revision);
        if (change.Namespace is null || change.Resource is not (ServicesResource or EndpointsResource))
        {
            return null;
        }

        var key = $"{change.Namespace}/{change.Name}";
        var applied = change.Resource == ServicesResource
            ? Apply(services, key, change)
            : Apply(endpoints, key, change);
        // Endpoints without their Service (its deletion came first) route nothing.
        return applied && (change.Resource == ServicesResource || services.ContainsKey(key)) ? key : null;
    }

    /// <summary>The routing of one service, or null when it does not exist (deleted).</summary>
    public ServiceRouting? Routing(string key) =>
        services.TryGetValue(key, out var service)
            ? Build(service.Service, service.Revision, endpoints.TryGetValue(key, out var e) ? e.Endpoints : null, e.Revision)
            : null;

    public IReadOnlyList<ServiceRouting> All() => services.Keys.Order(StringComparer.Ordinal).Select(k => Routing(k)!).ToList();

    /// <summary>A Service and its Endpoints as a node routes them: each TCP port with the ready endpoints that serve it.</summary>
    public static ServiceRouting Build(Service service, long serviceRevision, Endpoints? endpoints, long endpointsRevision)
    {
        var subsets = endpoints?.Subsets ?? [];
        var ports = (service.Spec.Ports ?? [])
            .Where(p => (p.Protocol ?? PortProtocols.Tcp) == PortProtocols.Tcp)
            .Select(port => new ServiceRoutingPort(port.Name, port.Port, PortProtocols.Tcp, subsets
                .SelectMany(subset => (subset.Ports ?? [])
                    .Where(p => p.Name == port.Name)
                    .SelectMany(p => (subset.Addresses ?? []).Select(a => new ServiceBackend(a.Ip!, p.Port, a.NodeName, a.TargetRef?.Name))))
                .Where(b => b.Ip is { Length: > 0 })
                .ToList()))
            .ToList();
        var ready = subsets.SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).OfType<string>().Distinct().ToList();
        var clusterIp = service.Spec.ClusterIP is { Length: > 0 } ip && ip != ServiceTypes.Headless ? ip : null;
        return new ServiceRouting(
            service.Metadata.Namespace!,
            service.Metadata.Name!,
            Math.Max(serviceRevision, endpoints is null ? 0 : endpointsRevision),
            clusterIp,
            ports,
            ready);
    }

    private static bool Apply<T>(Dictionary<string, (long Revision, T Item)> held, string key, ChangeEvent change)
        where T : class, IApiObject
    {
        if (change.Type == ChangeTypes.Deleted)
        {
            return held.Remove(key);
        }

        if (held.TryGetValue(key, out var current) && current.Revision >= change.Revision)
        {
            return false;
        }

        held[key] = (change.Revision, JsonSerializer.Deserialize<T>(change.Json, ApiJson.Options)!);
        return true;
    }

    private static string Key(ObjectMeta metadata) => $"{metadata.Namespace}/{metadata.Name}";

    private static long RevisionOf(ObjectMeta metadata) =>
        long.TryParse(metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;
}
