using System.Text.Json;

namespace Platform.Storage.Sqlite;

public sealed class SqliteGrainStorageOptions
{
    public required string DatabasePath { get; init; }

    public required JsonSerializerOptions JsonOptions { get; init; }
}
