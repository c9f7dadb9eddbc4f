using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class NodeReadyFilterTests
{
    private readonly NodeReadyFilter filter = new();

    [Fact]
    public void AcceptsAReadySchedulableNode() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a")));

    [Fact]
    public void RejectsANodeThatIsNotReady() =>
        Assert.Equal("node is not ready", filter.Reject(Pod(), Node("node-a", ready: false)));

    [Fact]
    public void RejectsAnUnschedulableNode() =>
        Assert.Equal("node is unschedulable", filter.Reject(Pod(), Node("node-a", unschedulable: true)));

    [Fact]
    public void NotReadyIsTheReasonGivenFirst() =>
        Assert.Equal("node is not ready", filter.Reject(Pod(), Node("node-a", ready: false, unschedulable: true)));
}
