using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Storage;

namespace Platform.Storage.Postgres;

public static class PostgresHostingExtensions
{
    /// <summary>
    /// Silos find each other through PostgreSQL: this silo listens on loopback-or-given address ports and
    /// registers them in the membership table, so several gateways form one cluster.
    /// </summary>
    public static ISiloBuilder UsePostgresClustering(
        this ISiloBuilder silo, PostgresOptions options, string clusterId, string serviceId, IPAddress address, int siloPort, int gatewayPort)
    {
        silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, serviceId));
        silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
        AddMembershipTable(silo.Services, options);
        return silo;
    }

    /// <summary>A client (the scheduler) finds the gateways of the cluster in PostgreSQL.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder client, PostgresOptions options, string clusterId, string serviceId)
    {
        client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, serviceId));
        AddMembershipTable(client.Services, options);
        client.Services.AddSingleton<IGatewayListProvider, PostgresGatewayListProvider>();
        return client;
    }

    /// <summary>Registers a named grain storage provider backed by PostgreSQL.</summary>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name, PostgresOptions options)
    {
        AddDatabase(services, options);
        return services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) =>
            new PostgresGrainStorage(provider.GetRequiredService<PostgresDatabase>(), options));
    }

    private static void AddMembershipTable(IServiceCollection services, PostgresOptions options)
    {
        AddDatabase(services, options);
        services.AddSingleton<PostgresMembershipTable>();
        services.AddSingleton<IMembershipTable>(provider => provider.GetRequiredService<PostgresMembershipTable>());
    }

    private static void AddDatabase(IServiceCollection services, PostgresOptions options) =>
        services.TryAddSingleton(_ => new PostgresDatabase(options));
}
