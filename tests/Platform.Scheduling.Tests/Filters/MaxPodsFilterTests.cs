using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class MaxPodsFilterTests
{
    private readonly MaxPodsFilter filter = new();

    [Fact]
    public void ANodeAtItsPodLimitIsFull() =>
        Assert.Equal("Too many pods", filter.Reject(Pod(), Node("node-a", podCount: 3, maxPods: 3)));

    [Fact]
    public void ANodeWithOneSlotLeftAcceptsAPod() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a", podCount: 2, maxPods: 3)));

    [Fact]
    public void ANodeWithNoSlotsAtAllIsFull() =>
        Assert.Equal("Too many pods", filter.Reject(Pod(), Node("node-a", maxPods: 0)));
}
