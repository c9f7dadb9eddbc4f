using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Platform.Storage.Sqlite;

public static class SqliteGrainStorageExtensions
{
    /// <summary>Registers a named grain storage provider backed by one SQLite database file.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, SqliteGrainStorageOptions options) =>
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) =>
            new SqliteGrainStorage(options, provider.GetRequiredService<ILogger<SqliteGrainStorage>>()));
}
