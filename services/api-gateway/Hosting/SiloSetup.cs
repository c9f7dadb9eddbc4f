using System.Net;
using Orleans.Serialization;
using Platform.Api.Serialization;
using Platform.Grains;
using Platform.Grains.Abstractions;
using Platform.Storage.Postgres;
using Platform.Storage.Sqlite;

namespace Platform.ApiGateway.Hosting;

public static class SiloSetup
{
    public const string ClusterId = "platform";
    public const string ServiceId = "platform";

    /// <summary>
    /// The control plane's silo: alone on loopback with its state in SQLite (the default), or, when
    /// PLATFORM_POSTGRES_URL is set, one of any number of gateways sharing membership and state in PostgreSQL.
    /// </summary>
    public static void ConfigureSilo(ISiloBuilder silo, GatewaySettings settings)
    {
        silo.Services.AddSerializer(serializer => serializer.AddPlatformTypes());
        if (settings.PostgresConnectionString is { } connectionString)
        {
            var options = new PostgresOptions { ConnectionString = connectionString, JsonOptions = ApiJson.Options };
            silo.UsePostgresClustering(options, ClusterId, ServiceId, IPAddress.Loopback, settings.SiloPort, settings.OrleansGatewayPort);
            silo.Services.AddPostgresGrainStorage(StorageNames.ControlPlane, options);
            return;
        }

        silo.UseLocalhostClustering(settings.SiloPort, settings.OrleansGatewayPort, serviceId: ServiceId, clusterId: ClusterId);
        silo.Services.AddSqliteGrainStorage(StorageNames.ControlPlane, new SqliteGrainStorageOptions
        {
            DatabasePath = settings.DatabasePath,
            JsonOptions = ApiJson.Options,
        });
    }
}
