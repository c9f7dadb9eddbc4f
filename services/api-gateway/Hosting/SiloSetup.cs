using Orleans.Serialization;
using Platform.Api.Serialization;
using Platform.Grains;
using Platform.Grains.Abstractions;
using Platform.Storage.Sqlite;

namespace Platform.ApiGateway.Hosting;

public static class SiloSetup
{
    public const string ClusterId = "platform";
    public const string ServiceId = "platform";

    /// <summary>A single-machine silo on loopback with its state in SQLite.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, GatewaySettings settings)
    {
        silo.UseLocalhostClustering(settings.SiloPort, settings.OrleansGatewayPort, serviceId: ServiceId, clusterId: ClusterId);
        silo.Services.AddSerializer(serializer => serializer.AddPlatformTypes());
        silo.Services.AddSqliteGrainStorage(StorageNames.ControlPlane, new SqliteGrainStorageOptions
        {
            DatabasePath = settings.DatabasePath,
            JsonOptions = ApiJson.Options,
        });
    }
}
