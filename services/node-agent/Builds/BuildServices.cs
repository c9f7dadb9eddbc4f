using Platform.Build.Cache;
using Platform.Oci.Registry;
using Platform.Oci.Store;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// Clients a build talks to: the registry (with the admin token, to push) and the image store's build
/// cache. The token is read from PLATFORM_ADMIN_TOKEN_FILE at each build, so a rotated token is picked up.
/// </summary>
public sealed class BuildServices(IHttpClientFactory clients, LayerCache cache, IConfiguration configuration)
{
    public (BuildLayers Layers, BuildCacheClient Cache) Open(string registryHost)
    {
        var token = configuration["PLATFORM_ADMIN_TOKEN_FILE"] is { } file && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        var http = clients.CreateClient(nameof(BuildServices));
        var registry = new RegistryClient(http, registryHost, new RegistryClientOptions
        {
            Credentials = token is null ? null : new RegistryCredentials("admin", token),
        });
        return (new BuildLayers(cache, registry), new BuildCacheClient(http, registry.BaseAddress, token));
    }
}

public static class BuildSetup
{
    /// <summary>Builds need the kernel-isolated runtime (RUN steps are containers) and the node's layer cache.</summary>
    public static IServiceCollection AddImageBuilds(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(BuildServices), client => client.Timeout = TimeSpan.FromMinutes(30));
        services.AddSingleton<BuildServices>();
        services.AddSingleton<RunStep>();
        return services.AddSingleton<ImageBuilder>();
    }
}
