using System.Collections.Concurrent;
using System.Net;
using Platform.Networking.Dns;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// The names of this node's pods for the DNS responder: <c>pod</c>, <c>pod.ns</c> and
/// <c>pod.ns.pod.cluster.local</c>. A bare pod name found in several namespaces answers the first by
/// namespace; a pod's own search path (its namespace first) makes it find its neighbour.
/// </summary>
public sealed class PodNames : IDnsNames
{
    public const string ClusterDomain = "cluster.local";
    private const string PodZone = "pod." + ClusterDomain;

    private readonly ConcurrentDictionary<string, (string Namespace, string Name, IPAddress Address)> pods = new();

    public void Add(string uid, string @namespace, string name, IPAddress address) => pods[uid] = (@namespace, name.ToLowerInvariant(), address);

    public void Remove(string uid) => pods.TryRemove(uid, out _);

    public IPAddress? Resolve(string name)
    {
        var labels = name.TrimEnd('.').ToLowerInvariant().Split('.');
        var (podName, podNamespace) = labels switch
        {
            [var pod] => (pod, null),
            [var pod, var ns] => (pod, ns),
            [var pod, var ns, .. var zone] when string.Join('.', zone) == PodZone => (pod, ns),
            _ => ((string?)null, (string?)null),
        };
        return podName is null
            ? null
            : pods.Values
                .Where(p => p.Name == podName && (podNamespace is null || p.Namespace == podNamespace))
                .OrderBy(p => p.Namespace, StringComparer.Ordinal)
                .Select(p => p.Address)
                .FirstOrDefault();
    }

    /// <summary>/etc/hosts of a pod: localhost and the pod's own names, as the kubelet writes it.</summary>
    public static string HostsFile(string @namespace, string name, IPAddress address) =>
        $"""
        # Written by the platform node agent.
        127.0.0.1	localhost
        ::1	localhost ip6-localhost ip6-loopback
        {address}	{name} {name}.{@namespace}.{PodZone}

        """;

    /// <summary>
    /// /etc/resolv.conf of a pod: the agent's responder on the bridge; Kubernetes' search path (Services of the
    /// pod's namespace, then of any namespace, then the cluster domain), then the pods of its namespace.
    /// </summary>
    public static string ResolvConf(string @namespace, IPAddress nameserver) =>
        $"""
        # Written by the platform node agent.
        nameserver {nameserver}
        search {@namespace}.svc.{ClusterDomain} svc.{ClusterDomain} {ClusterDomain} {@namespace}.{PodZone}
        options ndots:5

        """;
}
