using System.Net;
using Platform.Networking.Dns;
using Platform.NodeAgent.Networking;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// The Services' names for the DNS responder, as Kubernetes' cluster DNS serves them: <c>svc.ns</c>,
/// <c>svc.ns.svc</c> and <c>svc.ns.svc.cluster.local</c> answer the cluster IP, or every ready pod address
/// for a headless service. A bare <c>svc</c> is found through the pod's search path (its namespace first).
/// </summary>
public sealed class ServiceNames(ServiceTable table) : IDnsNames
{
    public const string ServiceZone = "svc." + PodNames.ClusterDomain;

    public IPAddress? Resolve(string name) => ResolveAll(name).FirstOrDefault();

    public IReadOnlyList<IPAddress> ResolveAll(string name)
    {
        if (Parse(name) is not { } asked || table.Find(asked.Namespace, asked.Service) is not { } routing)
        {
            return [];
        }

        var addresses = routing.ClusterIP is { } clusterIp ? [clusterIp] : routing.ReadyAddresses;
        return addresses.Select(a => IPAddress.TryParse(a, out var parsed) ? parsed : null).OfType<IPAddress>().ToList();
    }

    /// <summary>The service and namespace a name asks for, or null when it is no service name.</summary>
    public static (string Service, string Namespace)? Parse(string name)
    {
        var labels = name.TrimEnd('.').ToLowerInvariant().Split('.');
        return labels switch
        {
            [var service, var ns] => (service, ns),
            [var service, var ns, "svc"] => (service, ns),
            [var service, var ns, "svc", "cluster", "local"] => (service, ns),
            _ => null,
        };
    }
}
