using Yarp.ReverseProxy.Configuration;

namespace Platform.ApiGateway.Ingress;

/// <summary>Wires the ingress (YARP fed from the cluster's Endpoints) into the gateway.</summary>
public static class IngressSetup
{
    public static IServiceCollection AddIngress(this IServiceCollection services)
    {
        services.AddSingleton<IngressConfigProvider>();
        services.AddSingleton<IProxyConfigProvider>(s => s.GetRequiredService<IngressConfigProvider>());
        services.AddSingleton<IngressMetrics>();
        services.AddHostedService<EndpointsInformer>();
        services.AddHostedService<PodRequestReporter>();
        services.AddReverseProxy();
        return services;
    }

    public static void MapIngress(this WebApplication app)
    {
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(IngressPipeline.Handle);
            pipeline.UseLoadBalancing();
        });
        app.Map($"{IngressRoutes.PathPrefix}/{{**path}}", (string? path) => IngressPipeline.NotFound(path));
    }
}
