using Platform.Contracts;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// The order in which a new connection tries a service port's ready endpoints: the near ones first, round robin
/// (each connection starts one further along), then the others as a last resort. Near are this node's pods and
/// those this host reaches directly (another agent's on the same machine, see <see cref="AttachedSubnets"/>), so
/// one agent serving a cluster IP for the agents beside it spreads the connections over all their pods; the others
/// sit on machines this host may not route to.
/// </summary>
public static class BackendRotation
{
    public static IReadOnlyList<ServiceBackend> Order(IReadOnlyList<ServiceBackend> backends, Func<ServiceBackend, bool> isNear, long turn)
    {
        var near = backends.Where(isNear).ToList();
        var far = backends.Where(b => !isNear(b)).ToList();
        return [.. Rotate(near, turn), .. Rotate(far, turn)];
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
