using Platform.Api.Model;
using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class TaintTolerationFilterTests
{
    private readonly TaintTolerationFilter filter = new();

    [Fact]
    public void AnUntaintedNodeTakesAnyPod() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a")));

    [Theory]
    [InlineData("NoSchedule")]
    [InlineData("NoExecute")]
    public void AnUntoleratedTaintIsNamedInTheReason(string effect) =>
        Assert.Equal("node(s) had untolerated taint {dedicated: gpu}", filter.Reject(Pod(), Tainted(Taint("dedicated", "gpu", effect))));

    [Fact]
    public void ATaintWithoutValuePrintsAnEmptyValue() =>
        Assert.Equal("node(s) had untolerated taint {maintenance: }", filter.Reject(Pod(), Tainted(Taint("maintenance", null, "NoSchedule"))));

    [Fact]
    public void PreferNoScheduleDoesNotFilter() =>
        Assert.Null(filter.Reject(Pod(), Tainted(Taint("dedicated", "gpu", "PreferNoSchedule"))));

    [Fact]
    public void TheFirstUntoleratedTaintIsNamed()
    {
        var node = Tainted(Taint("a", "1", "NoSchedule"), Taint("b", "2", "NoExecute"));
        var pod = Tolerating(new Toleration { Key = "a", Value = "1" });

        Assert.Equal("node(s) had untolerated taint {b: 2}", filter.Reject(pod, node));
    }

    [Theory]
    [InlineData("dedicated", "Equal", "gpu", "NoSchedule", true)]
    [InlineData("dedicated", null, "gpu", "", true)]
    [InlineData("dedicated", "Equal", "cpu", "NoSchedule", false)]
    [InlineData("dedicated", "Exists", null, "NoSchedule", true)]
    [InlineData("dedicated", "Exists", null, "NoExecute", false)]
    [InlineData("other", "Exists", null, "", false)]
    [InlineData(null, "Exists", null, "", true)]
    [InlineData(null, "Exists", null, "NoSchedule", true)]
    [InlineData(null, "Exists", null, "PreferNoSchedule", false)]
    public void TolerationsMatchAsKubernetes(string? key, string? op, string? value, string effect, bool tolerated)
    {
        var pod = Tolerating(new Toleration { Key = key, Operator = op, Value = value, Effect = effect == "" ? null : effect });

        var reason = filter.Reject(pod, Tainted(Taint("dedicated", "gpu", "NoSchedule")));

        Assert.Equal(tolerated ? null : "node(s) had untolerated taint {dedicated: gpu}", reason);
    }

    [Fact]
    public void AnEqualTolerationWithoutValueMatchesATaintWithoutValue() =>
        Assert.Null(filter.Reject(Tolerating(new Toleration { Key = "maintenance" }), Tainted(Taint("maintenance", null, "NoSchedule"))));

    private static NodeCandidate Tainted(params Taint[] taints) => Node("node-a") with { Taints = taints };

    private static PodRequest Tolerating(params Toleration[] tolerations) => Pod() with { Tolerations = tolerations };
}
