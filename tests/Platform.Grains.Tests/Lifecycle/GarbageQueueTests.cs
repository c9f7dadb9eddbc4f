using Platform.Grains.Abstractions;
using Platform.Grains.Lifecycle;

namespace Platform.Grains.Tests.Lifecycle;

public sealed class GarbageQueueTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(1);

    private static Dependent Pod(string name) => new(DependentKind.Pod, "default/" + name, "owner-uid", DeletePropagation.Background);

    [Fact]
    public void A_dependent_waits_once_in_arrival_order()
    {
        var queue = new GarbageQueue([Pod("a"), Pod("b")]);
        Assert.False(queue.Add(Pod("a")));
        Assert.True(queue.Add(Pod("c")));
        Assert.Equal([Pod("a"), Pod("b"), Pod("c")], queue.Items);
        Assert.Equal([Pod("a"), Pod("b")], queue.TakeDue(2, Now));
    }

    [Fact]
    public void A_batch_stays_queued_until_each_is_done()
    {
        var queue = new GarbageQueue([Pod("a"), Pod("b")]);
        var batch = queue.TakeDue(10, Now);
        Assert.Equal(2, queue.Count);
        queue.Done(batch[0]);
        Assert.Equal([Pod("b")], queue.Items);
    }

    [Fact]
    public void A_failed_delete_waits_longer_after_each_failure_up_to_the_longest_wait()
    {
        var queue = new GarbageQueue([Pod("a"), Pod("b")]);
        queue.Failed(Pod("a"), Now);
        Assert.Equal([Pod("b")], queue.TakeDue(10, Now));
        Assert.Equal([Pod("a"), Pod("b")], queue.TakeDue(10, Now + GarbageQueue.FirstWait));

        queue.Failed(Pod("a"), Now);
        Assert.DoesNotContain(Pod("a"), queue.TakeDue(10, Now + GarbageQueue.FirstWait));
        Assert.Contains(Pod("a"), queue.TakeDue(10, Now + (2 * GarbageQueue.FirstWait)));

        for (var i = 0; i < 40; i++)
        {
            queue.Failed(Pod("a"), Now);
        }

        Assert.DoesNotContain(Pod("a"), queue.TakeDue(10, Now + GarbageQueue.LongestWait - TimeSpan.FromTicks(1)));
        Assert.Contains(Pod("a"), queue.TakeDue(10, Now + GarbageQueue.LongestWait));
    }

    [Fact]
    public void Success_forgets_the_failures()
    {
        var queue = new GarbageQueue([Pod("a")]);
        queue.Failed(Pod("a"), Now);
        queue.Done(Pod("a"));
        Assert.True(queue.Add(Pod("a")));
        Assert.Equal([Pod("a")], queue.TakeDue(10, Now));
    }

    [Fact]
    public void The_same_object_for_another_owner_is_another_dependent()
    {
        var queue = new GarbageQueue([Pod("a")]);
        Assert.True(queue.Add(Pod("a") with { OwnerUid = "other" }));
        Assert.Equal(2, queue.Count);
    }
}
