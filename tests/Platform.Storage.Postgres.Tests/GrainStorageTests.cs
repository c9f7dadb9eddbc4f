using Orleans.Runtime;
using Orleans.Storage;

namespace Platform.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageTests(PostgresFixture postgres)
{
    public sealed class Counter
    {
        public int Value { get; set; }
    }

    [Fact]
    public async Task State_is_written_read_back_and_cleared()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var storage = new PostgresGrainStorage(database, postgres.Options);
        var grain = GrainId.Create("counter", PostgresFixture.UniqueId("a"));

        var state = new GrainState<Counter> { State = new Counter { Value = 7 } };
        await storage.WriteStateAsync("counter", grain, state);
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(7, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);

        await storage.ClearStateAsync("counter", grain, read);
        var cleared = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.ETag);
        Assert.Equal(0, cleared.State!.Value);
    }

    [Fact]
    public async Task A_write_from_a_stale_read_fails_and_changes_nothing()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var storage = new PostgresGrainStorage(database, postgres.Options);
        var grain = GrainId.Create("counter", PostgresFixture.UniqueId("b"));
        await storage.WriteStateAsync("counter", grain, new GrainState<Counter> { State = new Counter { Value = 1 } });

        var first = new GrainState<Counter>();
        var second = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, first);
        await storage.ReadStateAsync("counter", grain, second);
        first.State!.Value = 2;
        await storage.WriteStateAsync("counter", grain, first);
        second.State!.Value = 3;

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", grain, second));
        var now = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, now);
        Assert.Equal(2, now.State!.Value);
    }

    [Fact]
    public async Task Inserting_a_state_that_another_writer_created_first_fails()
    {
        await using var database = new PostgresDatabase(postgres.Options);
        var storage = new PostgresGrainStorage(database, postgres.Options);
        var grain = GrainId.Create("counter", PostgresFixture.UniqueId("c"));

        await storage.WriteStateAsync("counter", grain, new GrainState<Counter> { State = new Counter { Value = 1 } });

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("counter", grain, new GrainState<Counter> { State = new Counter { Value = 9 } }));
    }
}
