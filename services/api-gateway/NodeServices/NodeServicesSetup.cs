namespace Platform.ApiGateway.NodeServices;

/// <summary>Wires the Services' routing for node agents (the informer that publishes it) into the gateway.</summary>
public static class NodeServicesSetup
{
    public static IServiceCollection AddNodeServiceRouting(this IServiceCollection services)
    {
        services.AddSingleton<ServiceRoutingInformer>();
        return services.AddHostedService(s => s.GetRequiredService<ServiceRoutingInformer>());
    }
}
