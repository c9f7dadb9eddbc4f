using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace Platform.Storage.Sqlite;

/// <summary>
/// Grain state as JSON rows in SQLite, with optimistic concurrency by ETag: a write whose ETag is not
/// the stored one fails with <see cref="InconsistentStateException"/>, as Orleans' own providers do.
/// Writes go through one <see cref="SqliteWriter"/> (group commit on a thread of its own); reads run on the caller.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly string connectionString;
    private readonly JsonSerializerOptions json;
    private readonly ILogger<SqliteGrainStorage> logger;
    private readonly Lazy<Task> schema;
    private readonly SqliteWriter writer;

    public SqliteGrainStorage(SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        json = options.JsonOptions;
        this.logger = logger;
        schema = new Lazy<Task>(CreateSchemaAsync);
        writer = new SqliteWriter(connectionString, logger);
    }

    public void Dispose() => writer.Dispose();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, etag FROM grain_state WHERE state_name = $state AND grain_id = $id";
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize<T>(reader.GetString(0), json) ?? Activator.CreateInstance<T>();
        grainState.ETag = reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = JsonSerializer.Serialize(grainState.State, json);
        var expected = ParseETag(grainState.ETag);
        var sql = expected is null
            ? "INSERT INTO grain_state (state_name, grain_id, data, etag) VALUES ($state, $id, $data, 1) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET data = $data, etag = etag + 1 WHERE state_name = $state AND grain_id = $id AND etag = $etag";
        await schema.Value;
        if (await writer.ExecuteAsync(sql, Key(stateName, grainId, ("$data", data), ("$etag", expected ?? 0))) != 1)
        {
            throw Inconsistent(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = ((expected ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (ParseETag(grainState.ETag) is { } expected)
        {
            await schema.Value;
            const string sql = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $id AND etag = $etag";
            if (await writer.ExecuteAsync(sql, Key(stateName, grainId, ("$etag", expected))) != 1)
            {
                throw Inconsistent(stateName, grainId, grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        await schema.Value;
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // WAL lets readers proceed during a write; FULL sync makes a committed write survive power loss.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                data       TEXT NOT NULL,
                etag       INTEGER NOT NULL,
                PRIMARY KEY (state_name, grain_id)
            ) WITHOUT ROWID;
            """;
        await command.ExecuteNonQueryAsync();
        logger.LogInformation("Grain state stored in {Database}", connection.DataSource);
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        foreach (var (name, value) in Key(stateName, grainId))
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static (string Name, object Value)[] Key(string stateName, GrainId grainId, params (string Name, object Value)[] more) =>
        [("$state", stateName), ("$id", grainId.ToString()), .. more];

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    private static InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? etag) =>
        new($"state {stateName} of {grainId} changed since it was read", "unknown", etag ?? "none");
}
