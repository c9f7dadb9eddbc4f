using Platform.Contracts;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// The order in which a new connection tries a service port's ready endpoints: this node's first, round
/// robin (each connection starts one further along), then the other nodes' as a last resort (reachable only
/// where this host routes to their pod subnet, such as two agents on one machine).
/// </summary>
public static class BackendRotation
{
    public static IReadOnlyList<ServiceBackend> Order(IReadOnlyList<ServiceBackend> backends, string nodeName, long turn)
    {
        var local = backends.Where(b => b.NodeName == nodeName).ToList();
        var remote = backends.Where(b => b.NodeName != nodeName).ToList();
        return [.. Rotate(local, turn), .. Rotate(remote, turn)];
    }

    private static IEnumerable<ServiceBackend> Rotate(List<ServiceBackend> backends, long turn)
    {
        if (backends.Count == 0)
        {
            return [];
        }

        var start = (int)(((turn % backends.Count) + backends.Count) % backends.Count);
        return backends.Skip(start).Concat(backends.Take(start));
    }
}
