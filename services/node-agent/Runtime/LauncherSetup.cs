using Platform.Oci.Registry;
using Platform.Oci.Store;

namespace Platform.NodeAgent.Runtime;

public static class LauncherSetup
{
    /// <summary>The kernel-isolated runtime by default; the plain process launcher when PLATFORM_CONTAINER_RUNTIME=process.</summary>
    public static IServiceCollection AddContainerLauncher(this IServiceCollection services, NodeAgentSettings settings)
    {
        if (settings.ContainerRuntime == NodeAgentSettings.ProcessRuntime)
        {
            return services.AddSingleton<IContainerLauncher, ProcessLauncher>();
        }

        services.AddHttpClient(nameof(RuntimeLauncher), client => client.Timeout = TimeSpan.FromMinutes(30));
        services.AddSingleton(_ =>
        {
            var cache = new LayerCache(settings.ImagesDirectory);
            cache.RemoveInterruptedWork();
            return cache;
        });
        services.AddSingleton(provider =>
        {
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(RuntimeLauncher));
            return new ImagePuller(provider.GetRequiredService<LayerCache>(), host => new RegistryClient(http, host));
        });
        services.AddSingleton<ImageAnnouncer>();
        return services.AddSingleton<IContainerLauncher, RuntimeLauncher>();
    }
}
