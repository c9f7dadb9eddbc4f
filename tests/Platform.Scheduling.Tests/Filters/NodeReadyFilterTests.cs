using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class NodeReadyFilterTests
{
    private readonly NodeReadyFilter filter = new();

    [Fact]
    public void AcceptsAReadyNode() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a")));

    [Fact]
    public void RejectsANodeThatIsNotReady() =>
        Assert.Equal("node(s) were not ready", filter.Reject(Pod(), Node("node-a", ready: false)));

    [Fact]
    public void AnUnschedulableNodeIsLeftToItsOwnFilter() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a", unschedulable: true)));
}
