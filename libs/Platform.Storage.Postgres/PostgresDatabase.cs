using Npgsql;

namespace Platform.Storage.Postgres;

/// <summary>
/// One connection pool to the control plane's database, and its schema, created on first use by
/// whichever process comes first (an advisory lock keeps two gateways starting together from racing).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // Any constant: it names the lock that serialises schema creation across processes.
    private const long SchemaLockKey = 0x706c6174666f726d;

    private readonly NpgsqlDataSource dataSource;
    private readonly Lazy<Task> schema;

    public PostgresDatabase(PostgresOptions options)
    {
        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        schema = new Lazy<Task>(() => CreateSchemaAsync(CancellationToken.None));
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await schema.Value.WaitAsync(cancellationToken);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Schema, connection, transaction);
        command.Parameters.AddWithValue("lock", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string Schema = """
        SELECT pg_advisory_xact_lock(@lock);
        CREATE TABLE IF NOT EXISTS platform_grain_state (
            state_name text   NOT NULL,
            grain_id   text   NOT NULL,
            data       text   NOT NULL,
            etag       bigint NOT NULL,
            PRIMARY KEY (state_name, grain_id));
        CREATE TABLE IF NOT EXISTS platform_cluster_version (
            cluster_id text    PRIMARY KEY,
            version    integer NOT NULL,
            etag       bigint  NOT NULL);
        CREATE TABLE IF NOT EXISTS platform_cluster_member (
            cluster_id  text     NOT NULL REFERENCES platform_cluster_version ON DELETE CASCADE,
            silo        text     NOT NULL,
            status      integer  NOT NULL,
            start_time  bigint   NOT NULL,
            i_am_alive  bigint   NOT NULL,
            entry       bytea    NOT NULL,
            etag        bigint   NOT NULL,
            PRIMARY KEY (cluster_id, silo));
        """;
}
