using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Platform.Storage.Postgres.Tests;

/// <summary>One private PostgreSQL for the whole test project; each test uses its own cluster id or grain ids.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresInstance? instance;

    public PostgresInstance Instance => instance ?? throw new InvalidOperationException("not started");

    public PostgresOptions Options => new() { ConnectionString = Instance.ConnectionString };

    public async Task InitializeAsync() => instance = await PostgresInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }

    public PostgresMembershipTable MembershipTable(PostgresDatabase database, string clusterId)
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        return new PostgresMembershipTable(database, serializer, Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = clusterId }));
    }

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
