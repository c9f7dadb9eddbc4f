using Microsoft.Extensions.Primitives;
using Platform.Api.Model;
using Yarp.ReverseProxy.Configuration;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// Hands YARP the routes and destinations built from the Endpoints the informer holds. Each change
/// publishes a new snapshot and fires the old snapshot's change token, so YARP swaps its routing
/// without a lookup per request.
/// </summary>
public sealed class IngressConfigProvider : IProxyConfigProvider
{
    private readonly Lock gate = new();
    private Snapshot current = new([], []);

    public IProxyConfig GetConfig() => current;

    /// <summary>Replaces the whole set of Endpoints the proxy routes to.</summary>
    public void Publish(IEnumerable<Endpoints> endpoints)
    {
        var (routes, clusters) = IngressRoutes.Build(endpoints);
        Snapshot previous;
        lock (gate)
        {
            previous = current;
            current = new Snapshot(routes, clusters);
        }

        previous.Expire();
    }

    private sealed class Snapshot : IProxyConfig
    {
        private readonly CancellationTokenSource expired = new();

        public Snapshot(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters)
        {
            Routes = routes;
            Clusters = clusters;
            ChangeToken = new CancellationChangeToken(expired.Token);
        }

        public IReadOnlyList<RouteConfig> Routes { get; }

        public IReadOnlyList<ClusterConfig> Clusters { get; }

        public IChangeToken ChangeToken { get; }

        public void Expire() => expired.Cancel();
    }
}
