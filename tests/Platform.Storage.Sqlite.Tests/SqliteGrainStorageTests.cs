using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Storage;

namespace Platform.Storage.Sqlite.Tests;

/// <summary>The SQLite grain storage against a real database file: etag rules, and many writes at once through its one writer.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("platform-sqlite-").FullName;

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    [Fact]
    public async Task State_is_written_read_back_and_cleared()
    {
        using var storage = Open();
        var grain = GrainId.Create("counter", "a");
        var state = new GrainState<Counter> { State = new Counter { Value = 7 } };
        await storage.WriteStateAsync("counter", grain, state);

        var read = await ReadAsync(storage, grain);
        Assert.True(read.RecordExists);
        Assert.Equal(7, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);

        await storage.ClearStateAsync("counter", grain, read);
        var cleared = await ReadAsync(storage, grain);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.ETag);
        Assert.Equal(0, cleared.State!.Value);
    }

    [Fact]
    public async Task A_write_from_a_stale_read_fails_and_changes_nothing()
    {
        using var storage = Open();
        var grain = GrainId.Create("counter", "b");
        await storage.WriteStateAsync("counter", grain, new GrainState<Counter> { State = new Counter { Value = 1 } });
        var first = await ReadAsync(storage, grain);
        var second = await ReadAsync(storage, grain);
        first.State!.Value = 2;
        await storage.WriteStateAsync("counter", grain, first);
        second.State!.Value = 3;

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", grain, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("counter", grain, new GrainState<Counter> { State = new Counter { Value = 9 } }));
        Assert.Equal(2, (await ReadAsync(storage, grain)).State!.Value);
    }

    [Fact]
    public async Task Many_writes_at_once_all_land_and_a_stale_one_among_them_fails_alone()
    {
        var grains = Enumerable.Range(0, 500).Select(i => GrainId.Create("counter", $"many-{i}")).ToList();
        var stale = GrainId.Create("counter", "stale");
        using (var storage = Open())
        {
            await storage.WriteStateAsync("counter", stale, new GrainState<Counter> { State = new Counter { Value = 1 } });
            var old = await ReadAsync(storage, stale);
            await storage.WriteStateAsync("counter", stale, await ReadAsync(storage, stale));

            var writes = grains.Select(g => storage.WriteStateAsync("counter", g, new GrainState<Counter> { State = new Counter { Value = 5 } })).ToList();
            var staleWrite = storage.WriteStateAsync("counter", stale, old);
            await Task.WhenAll(writes);
            await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        }

        // Committed before the writes completed: a storage opened afresh on the same file reads every one.
        using var reopened = Open();
        foreach (var grain in grains)
        {
            var read = await ReadAsync(reopened, grain);
            Assert.Equal(5, read.State!.Value);
            Assert.Equal("1", read.ETag);
        }

        Assert.Equal("2", (await ReadAsync(reopened, stale)).ETag);
    }

    [Fact]
    public async Task Disposing_commits_what_was_queued_and_later_writes_fail()
    {
        var grains = Enumerable.Range(0, 50).Select(i => GrainId.Create("counter", $"late-{i}")).ToList();
        var storage = Open();
        await storage.WriteStateAsync("counter", grains[0], new GrainState<Counter> { State = new Counter { Value = 1 } });
        var writes = grains.Skip(1).Select(g => storage.WriteStateAsync("counter", g, new GrainState<Counter> { State = new Counter { Value = 1 } })).ToList();
        storage.Dispose();
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            storage.WriteStateAsync("counter", GrainId.Create("counter", "after"), new GrainState<Counter> { State = new Counter() }));

        using var reopened = Open();
        foreach (var grain in grains)
        {
            Assert.True((await ReadAsync(reopened, grain)).RecordExists);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private SqliteGrainStorage Open() => new(
        new SqliteGrainStorageOptions { DatabasePath = Path.Combine(directory, "state.db"), JsonOptions = JsonSerializerOptions.Default },
        NullLogger<SqliteGrainStorage>.Instance);

    private static async Task<GrainState<Counter>> ReadAsync(SqliteGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, state);
        return state;
    }
}
