using System.Net;
using Orleans.Runtime;

namespace Platform.Storage.Postgres.Tests;

/// <summary>The membership table keeps the contract Orleans' membership protocol relies on.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipTableTests(PostgresFixture postgres)
{
    private static readonly DateTime Start = new(2026, 11, 29, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_silo_is_inserted_once_and_each_write_advances_the_table_version()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var table = await NewTableAsync(database);
        var empty = await table.ReadAll();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var silo = Entry(port: 11111);
        Assert.True(await table.InsertRow(silo, empty.Version.Next()));
        Assert.False(await table.InsertRow(silo, (await table.ReadAll()).Version.Next()));

        var after = await table.ReadAll();
        Assert.Equal(1, after.Version.Version);
        var (stored, etag) = Assert.Single(after.Members);
        Assert.Equal(silo.SiloAddress, stored.SiloAddress);
        Assert.Equal("silo-11111", stored.SiloName);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal("0", etag);
    }

    [Fact]
    public async Task A_write_against_a_stale_table_version_or_row_etag_is_refused()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var table = await NewTableAsync(database);
        var stale = (await table.ReadAll()).Version;
        var first = Entry(port: 11111);
        Assert.True(await table.InsertRow(first, stale.Next()));

        Assert.False(await table.InsertRow(Entry(port: 11112), stale.Next()));

        var read = await table.ReadRow(first.SiloAddress);
        var (entry, etag) = Assert.Single(read.Members);
        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRow(entry, etag, read.Version.Next()));
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRow(entry, etag, (await table.ReadAll()).Version.Next()));

        var now = await table.ReadRow(first.SiloAddress);
        Assert.Equal(SiloStatus.Active, Assert.Single(now.Members).Item1.Status);
        Assert.Equal(2, now.Version.Version);
    }

    [Fact]
    public async Task I_am_alive_changes_only_its_time_and_not_the_version()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var table = await NewTableAsync(database);
        var silo = Entry(port: 11111);
        Assert.True(await table.InsertRow(silo, (await table.ReadAll()).Version.Next()));
        var before = await table.ReadAll();

        silo.IAmAliveTime = Start.AddMinutes(5);
        await table.UpdateIAmAlive(silo);

        var after = await table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        var (entry, etag) = Assert.Single(after.Members);
        Assert.Equal(Start.AddMinutes(5), entry.IAmAliveTime);
        Assert.Equal(before.Members[0].Item2, etag);
    }

    [Fact]
    public async Task Defunct_silos_are_cleaned_up_and_active_ones_stay()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var table = await NewTableAsync(database);
        var dead = Entry(port: 11111, SiloStatus.Dead);
        var active = Entry(port: 11112, SiloStatus.Active);
        Assert.True(await table.InsertRow(dead, (await table.ReadAll()).Version.Next()));
        Assert.True(await table.InsertRow(active, (await table.ReadAll()).Version.Next()));

        await table.CleanupDefunctSiloEntries(Start.AddHours(1));

        var (entry, _) = Assert.Single((await table.ReadAll()).Members);
        Assert.Equal(active.SiloAddress, entry.SiloAddress);
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_rows_and_no_other_cluster_sees_them()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var clusterId = PostgresFixture.UniqueId("cluster");
        var table = postgres.MembershipTable(database, clusterId);
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        var other = await NewTableAsync(database);
        Assert.True(await table.InsertRow(Entry(port: 11111), (await table.ReadAll()).Version.Next()));
        Assert.Empty((await other.ReadAll()).Members);

        await table.DeleteMembershipTableEntries(clusterId);

        Assert.Empty((await table.ReadAll()).Members);
    }

    private async Task<PostgresMembershipTable> NewTableAsync(PostgresDatabase database)
    {
        var table = postgres.MembershipTable(database, PostgresFixture.UniqueId("cluster"));
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
        Status = status,
        StartTime = Start,
        IAmAliveTime = Start,
        SiloName = $"silo-{port}",
        HostName = "localhost",
        ProxyPort = port + 1000,
    };
}
