using System.Text.Json;

namespace Platform.Storage.Postgres;

/// <summary>Where the control plane's PostgreSQL is, and how grain state is written there.</summary>
public sealed class PostgresOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=platform</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>How grain state becomes JSON (the same options as the API's, so state reads as API objects).</summary>
    public JsonSerializerOptions JsonOptions { get; init; } = JsonSerializerOptions.Default;
}
