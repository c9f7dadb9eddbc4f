using Platform.Api.Model;
using Yarp.ReverseProxy.Configuration;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// The proxy's configuration from the cluster's Endpoints, as a pure function: one route and one cluster
/// per Service (path <c>/apps/&lt;namespace&gt;/&lt;service&gt;/…</c>, the prefix stripped), one
/// destination per ready pod address on the Service's HTTP port, balanced round robin.
/// </summary>
public static class IngressRoutes
{
    public const string PathPrefix = "/apps";
    public const string NamespaceKey = "namespace";
    public const string ServiceKey = "service";

    public static string Id(string @namespace, string service) => $"{@namespace}/{service}";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IEnumerable<Endpoints> all)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var endpoints in all.OrderBy(e => e.Metadata.Namespace, StringComparer.Ordinal).ThenBy(e => e.Metadata.Name, StringComparer.Ordinal))
        {
            var (ns, name) = (endpoints.Metadata.Namespace!, endpoints.Metadata.Name!);
            var id = Id(ns, name);
            routes.Add(new RouteConfig
            {
                RouteId = id,
                ClusterId = id,
                Match = new RouteMatch { Path = $"{PathPrefix}/{ns}/{name}/{{**rest}}" },
                Metadata = new Dictionary<string, string> { [NamespaceKey] = ns, [ServiceKey] = name },
                Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/{**rest}" }],
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = id,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = Destinations(endpoints),
            });
        }

        return (routes, clusters);
    }

    /// <summary>Ready addresses only, keyed by their pod (namespace/name) so requests can be counted per pod.</summary>
    public static Dictionary<string, DestinationConfig> Destinations(Endpoints endpoints)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal);
        foreach (var subset in endpoints.Subsets ?? [])
        {
            if (HttpPort(subset.Ports) is not { } port)
            {
                continue;
            }

            foreach (var address in subset.Addresses ?? [])
            {
                var pod = address.TargetRef?.Name ?? address.Ip!;
                destinations[$"{endpoints.Metadata.Namespace}/{pod}"] = new DestinationConfig { Address = $"http://{address.Ip}:{port}" };
            }
        }

        return destinations;
    }

    /// <summary>The port named http (or web) if there is one, else the first.</summary>
    private static int? HttpPort(List<EndpointPort>? ports) =>
        (ports?.FirstOrDefault(p => p.Name is "http" or "web") ?? ports?.FirstOrDefault())?.Port;
}
