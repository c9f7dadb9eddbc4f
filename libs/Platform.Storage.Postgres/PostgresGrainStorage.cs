using System.Globalization;
using System.Text.Json;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Platform.Storage.Postgres;

/// <summary>
/// Grain state as JSON rows in PostgreSQL, with optimistic concurrency by ETag: a write whose ETag is not
/// the stored one fails with <see cref="InconsistentStateException"/>, as Orleans' own providers do.
/// </summary>
public sealed class PostgresGrainStorage(PostgresDatabase database, PostgresOptions options) : IGrainStorage
{
    private readonly JsonSerializerOptions json = options.JsonOptions;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data, etag FROM platform_grain_state WHERE state_name = @state AND grain_id = @id", connection);
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
        grainState.ETag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialised before the first await: the state is the caller's snapshot even if the grain changes it meanwhile.
        var data = JsonSerializer.Serialize(grainState.State, json);
        var expected = ParseETag(grainState.ETag);
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(expected is null
            ? "INSERT INTO platform_grain_state (state_name, grain_id, data, etag) VALUES (@state, @id, @data, 1) ON CONFLICT DO NOTHING"
            : "UPDATE platform_grain_state SET data = @data, etag = etag + 1 WHERE state_name = @state AND grain_id = @id AND etag = @etag",
            connection);
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("data", data);
        command.Parameters.AddWithValue("etag", expected ?? 0);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw Inconsistent(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseETag(grainState.ETag);
        if (expected is not null)
        {
            await using var connection = await database.OpenAsync();
            await using var command = new NpgsqlCommand(
                "DELETE FROM platform_grain_state WHERE state_name = @state AND grain_id = @id AND etag = @etag", connection);
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("etag", expected.Value);
            if (await command.ExecuteNonQueryAsync() != 1)
            {
                throw Inconsistent(stateName, grainId, grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static void AddKey(NpgsqlCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("id", grainId.ToString());
    }

    private static long? ParseETag(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private static InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? etag) =>
        new($"state {stateName} of {grainId} changed since it was read", "unknown", etag ?? "none");
}
