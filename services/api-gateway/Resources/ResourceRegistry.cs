using Platform.ApiGateway.Resources.Kinds;

namespace Platform.ApiGateway.Resources;

/// <summary>Every kind the API serves; discovery, routing and the CLI's kind names all come from here.</summary>
public sealed class ResourceRegistry
{
    public ResourceRegistry(IEnumerable<ResourceHandler> handlers) => Handlers = handlers.ToList();

    public IReadOnlyList<ResourceHandler> Handlers { get; }

    public static ResourceRegistry Default() => new(
    [
        new NamespaceResource(),
        new PodResource(),
        new NodeResource(),
        new EventResource(),
        new DeploymentResource(),
        new ReplicaSetResource(),
        new HorizontalPodAutoscalerResource(),
        new HorizontalPodAutoscalerV1Resource(),
        new ServiceResource(),
        new EndpointsResource(),
        new PodMetricsResource(),
        new NodeMetricsResource(),
    ]);

    public IEnumerable<IGrouping<string, ResourceHandler>> ByGroupVersion() => Handlers.GroupBy(h => h.Kind.GroupVersion);
}
