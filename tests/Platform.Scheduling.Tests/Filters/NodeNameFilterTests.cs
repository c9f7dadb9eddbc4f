using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class NodeNameFilterTests
{
    private readonly NodeNameFilter filter = new();

    [Fact]
    public void APodWithoutANodeNameFitsAnyNode() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a")));

    [Fact]
    public void APodFitsTheNodeItNames() =>
        Assert.Null(filter.Reject(Pod(nodeName: "node-a"), Node("node-a")));

    [Theory]
    [InlineData("node-b")]
    [InlineData("Node-a")]
    [InlineData("node-a.example")]
    public void APodDoesNotFitAnotherNode(string required) =>
        Assert.Equal("node(s) didn't match the requested node name", filter.Reject(Pod(nodeName: required), Node("node-a")));
}
