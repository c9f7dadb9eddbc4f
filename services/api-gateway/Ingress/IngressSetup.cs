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

    /// <summary>
    /// The host form (&lt;service&gt;.&lt;namespace&gt;.&lt;PLATFORM_INGRESS_DOMAIN&gt;): before routing and authentication, so the
    /// rewritten path takes the ingress's route and its exemption from the token.
    /// </summary>
    public static void UseIngressHosts(this WebApplication app)
    {
        if (IngressHost.Domain(app.Configuration) is { } domain)
        {
            app.UseMiddleware<IngressHostRouting>(domain);
        }
    }

    public static void MapIngress(this WebApplication app)
    {
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(IngressPipeline.Handle);
            pipeline.UseLoadBalancing();
        });
        app.Map($"{IngressRoutes.PathPrefix}/{{**path}}", (HttpContext context, string? path) =>
            IngressPipeline.NotFound(path, context.Items[IngressHostRouting.RoutedByHost] as string));
    }
}
