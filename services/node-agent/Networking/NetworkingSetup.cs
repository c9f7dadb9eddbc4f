namespace Platform.NodeAgent.Networking;

public static class NetworkingSetup
{
    /// <summary>The pod network; registered before the pod supervisor so it starts first and stops last.</summary>
    public static IServiceCollection AddPodNetworking(this IServiceCollection services, IConfiguration configuration, NodeAgentSettings node)
    {
        services.AddSingleton(NetworkSettings.From(configuration, node));
        services.AddSingleton<HostPortProxy>();
        services.AddSingleton<PodNetwork>();
        return services.AddHostedService(provider => provider.GetRequiredService<PodNetwork>());
    }
}
