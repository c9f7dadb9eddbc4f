using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Platform.Storage.Postgres;

/// <summary>
/// Orleans' membership table in PostgreSQL: one version row per cluster and one row per silo. Every change
/// of a silo's row also advances the version row, in one transaction and only if the version the caller
/// read is still current (the row lock of that UPDATE serialises writers), which is the contract Orleans'
/// membership protocol relies on. I-am-alive updates touch only their column, as they must not conflict.
/// </summary>
public sealed class PostgresMembershipTable(PostgresDatabase database, Serializer serializer, IOptions<ClusterOptions> cluster)
    : IMembershipTable
{
    private readonly string clusterId = cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (!tryInitTableVersion)
        {
            return;
        }

        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO platform_cluster_version (cluster_id, version, etag) VALUES (@cluster, 0, 0) ON CONFLICT DO NOTHING", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM platform_cluster_version WHERE cluster_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DELETE FROM platform_cluster_member
            WHERE cluster_id = @cluster AND status <> @active AND greatest(i_am_alive, start_time) < @before
            """, connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        command.Parameters.AddWithValue("before", beforeDate.UtcTicks);
        await command.ExecuteNonQueryAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key.ToParsableString());

    public Task<MembershipTableData> ReadAll() => ReadAsync(silo: null);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        WriteRowAsync(entry, rowETag: null, tableVersion);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        WriteRowAsync(entry, long.Parse(etag, CultureInfo.InvariantCulture), tableVersion);

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE platform_cluster_member SET i_am_alive = @alive WHERE cluster_id = @cluster AND silo = @silo", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("alive", entry.IAmAliveTime.ToUniversalTime().Ticks);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"silo {entry.SiloAddress} is not in the membership table of cluster {clusterId}");
        }
    }

    private async Task<bool> WriteRowAsync(MembershipEntry entry, long? rowETag, TableVersion tableVersion)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await AdvanceVersionAsync(connection, transaction, tableVersion) || !await WriteMemberAsync(connection, transaction, entry, rowETag))
        {
            await transaction.RollbackAsync();
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    private async Task<bool> AdvanceVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableVersion next)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE platform_cluster_version SET version = @version, etag = etag + 1 WHERE cluster_id = @cluster AND etag = @etag",
            connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("version", next.Version);
        command.Parameters.AddWithValue("etag", long.Parse(next.VersionEtag, CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<bool> WriteMemberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MembershipEntry entry, long? rowETag)
    {
        await using var command = new NpgsqlCommand(rowETag is null
            ? """
              INSERT INTO platform_cluster_member (cluster_id, silo, status, start_time, i_am_alive, entry, etag)
              VALUES (@cluster, @silo, @status, @start, @alive, @entry, 0) ON CONFLICT DO NOTHING
              """
            : """
              UPDATE platform_cluster_member
              SET status = @status, start_time = @start, i_am_alive = @alive, entry = @entry, etag = etag + 1
              WHERE cluster_id = @cluster AND silo = @silo AND etag = @etag
              """,
            connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("status", (int)entry.Status);
        command.Parameters.AddWithValue("start", entry.StartTime.ToUniversalTime().Ticks);
        command.Parameters.AddWithValue("alive", entry.IAmAliveTime.ToUniversalTime().Ticks);
        command.Parameters.AddWithValue("entry", serializer.SerializeToArray(entry));
        command.Parameters.AddWithValue("etag", rowETag ?? 0);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The version row and the members (one, or all when <paramref name="silo"/> is null) as one snapshot.</summary>
    private async Task<MembershipTableData> ReadAsync(string? silo)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var version = await ReadVersionAsync(connection, transaction);
        var members = await ReadMembersAsync(connection, transaction, silo, version.VersionEtag);
        await transaction.CommitAsync();
        return silo is not null && members.Count == 1
            ? new MembershipTableData(members[0], version)
            : silo is not null ? new MembershipTableData(version) : new MembershipTableData(members, version);
    }

    private async Task<TableVersion> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, etag FROM platform_cluster_version WHERE cluster_id = @cluster", connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new TableVersion(reader.GetInt32(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture))
            : new TableVersion(0, "0");
    }

    private async Task<List<Tuple<MembershipEntry, string>>> ReadMembersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string? silo, string versionETag)
    {
        await using var command = new NpgsqlCommand(
            "SELECT entry, i_am_alive, etag FROM platform_cluster_member WHERE cluster_id = @cluster AND (@silo::text IS NULL OR silo = @silo)",
            connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.Add(new NpgsqlParameter<string?>("silo", silo));
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<Tuple<MembershipEntry, string>>();
        while (await reader.ReadAsync())
        {
            var entry = serializer.Deserialize<MembershipEntry>(reader.GetFieldValue<byte[]>(0))
                ?? throw new InvalidDataException($"an empty membership entry in cluster {clusterId}");
            entry.IAmAliveTime = new DateTime(reader.GetInt64(1), DateTimeKind.Utc);
            members.Add(Tuple.Create(entry, reader.GetInt64(2).ToString(CultureInfo.InvariantCulture)));
        }

        return members;
    }
}
