using Platform.Grains.Persistence;

namespace Platform.Grains.Tests.Persistence;

public sealed class SharedWriteTests
{
    /// <summary>A write the test completes by hand, recording what state each write saw when it began.</summary>
    private sealed class Store
    {
        public int State { get; set; }

        public List<(int Saw, TaskCompletionSource Done)> Writes { get; } = [];

        public Task Write()
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Writes.Add((State, done));
            return done.Task;
        }
    }

    [Fact]
    public async Task Callers_during_a_write_share_the_next_one_which_sees_all_their_changes()
    {
        var store = new Store();
        var shared = new SharedWrite(store.Write);

        store.State = 1;
        var first = shared.WriteAsync();
        store.State = 2;
        var second = shared.WriteAsync();
        store.State = 3;
        var third = shared.WriteAsync();

        Assert.Same(second, third);
        Assert.Single(store.Writes);
        Assert.Equal(1, store.Writes[0].Saw);

        store.Writes[0].Done.SetResult();
        await first;
        await WaitUntil(() => store.Writes.Count == 2);
        Assert.False(second.IsCompleted);
        Assert.Equal(3, store.Writes[1].Saw);

        store.Writes[1].Done.SetResult();
        await second;
        Assert.True(shared.FlushedAsync().IsCompleted);
    }

    [Fact]
    public async Task A_caller_that_changed_nothing_waits_for_the_changes_already_made()
    {
        var store = new Store();
        var shared = new SharedWrite(store.Write);
        Assert.True(shared.FlushedAsync().IsCompleted);

        var write = shared.WriteAsync();
        var flushed = shared.FlushedAsync();
        Assert.False(flushed.IsCompleted);
        store.Writes[0].Done.SetResult();
        await write;
        await flushed;
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_next_write_still_runs()
    {
        var store = new Store();
        var shared = new SharedWrite(store.Write);
        var first = shared.WriteAsync();
        var second = shared.WriteAsync();

        store.Writes[0].Done.SetException(new IOException("disk"));
        await Assert.ThrowsAsync<IOException>(() => first);
        await WaitUntil(() => store.Writes.Count == 2);
        store.Writes[1].Done.SetResult();
        await second;

        var third = shared.WriteAsync();
        Assert.Equal(3, store.Writes.Count);
        store.Writes[2].Done.SetResult();
        await third;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
