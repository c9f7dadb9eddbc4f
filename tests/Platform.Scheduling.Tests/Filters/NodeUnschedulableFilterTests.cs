using Platform.Api.Model;
using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class NodeUnschedulableFilterTests
{
    private readonly NodeUnschedulableFilter filter = new();

    [Fact]
    public void AcceptsASchedulableNode() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a")));

    [Fact]
    public void RejectsACordonedNode() =>
        Assert.Equal("node(s) were unschedulable", filter.Reject(Pod(), Node("node-a", unschedulable: true)));

    [Fact]
    public void APodToleratingTheUnschedulableTaintMayGoThere()
    {
        var pod = Pod() with { Tolerations = [new Toleration { Key = "node.kubernetes.io/unschedulable", Operator = "Exists", Effect = "NoSchedule" }] };

        Assert.Null(filter.Reject(pod, Node("node-a", unschedulable: true)));
    }

    [Fact]
    public void AToleranceOfAnotherEffectDoesNotCount()
    {
        var pod = Pod() with { Tolerations = [new Toleration { Key = "node.kubernetes.io/unschedulable", Operator = "Exists", Effect = "NoExecute" }] };

        Assert.Equal("node(s) were unschedulable", filter.Reject(pod, Node("node-a", unschedulable: true)));
    }
}
