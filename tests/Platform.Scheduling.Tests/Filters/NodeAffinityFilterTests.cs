using Platform.Api.Model;
using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class NodeAffinityFilterTests
{
    private const string Mismatch = "node(s) didn't match Pod's node affinity/selector";
    private readonly NodeAffinityFilter filter = new();
    private readonly NodeCandidate node = Node("node-a") with { Labels = Labels("kubernetes.io/os=linux", "disk=ssd", "cores=8", "zone=a") };

    [Fact]
    public void APodWithoutSelectorOrAffinityFitsAnyNode() =>
        Assert.Null(filter.Reject(Pod(), node));

    [Fact]
    public void EveryNodeSelectorPairMustBeALabel()
    {
        Assert.Null(filter.Reject(Pod() with { NodeSelector = Labels("disk=ssd", "zone=a") }, node));
        Assert.Equal(Mismatch, filter.Reject(Pod() with { NodeSelector = Labels("disk=ssd", "zone=b") }, node));
        Assert.Equal(Mismatch, filter.Reject(Pod() with { NodeSelector = Labels("gpu=true") }, node));
    }

    [Theory]
    [InlineData("disk", "In", "hdd,ssd", true)]
    [InlineData("disk", "In", "hdd", false)]
    [InlineData("gpu", "In", "true", false)]
    [InlineData("disk", "NotIn", "hdd", true)]
    [InlineData("disk", "NotIn", "ssd", false)]
    [InlineData("gpu", "NotIn", "true", true)]
    [InlineData("disk", "Exists", "", true)]
    [InlineData("gpu", "Exists", "", false)]
    [InlineData("gpu", "DoesNotExist", "", true)]
    [InlineData("disk", "DoesNotExist", "", false)]
    [InlineData("cores", "Gt", "4", true)]
    [InlineData("cores", "Gt", "8", false)]
    [InlineData("cores", "Lt", "16", true)]
    [InlineData("cores", "Lt", "8", false)]
    [InlineData("disk", "Gt", "1", false)]
    [InlineData("gpu", "Lt", "1", false)]
    public void EachOperatorMatchesAsKubernetes(string key, string op, string values, bool matches)
    {
        var pod = Required(Term(Expression(key, op, values.Split(',', StringSplitOptions.RemoveEmptyEntries))));

        Assert.Equal(matches ? null : Mismatch, filter.Reject(pod, node));
    }

    [Fact]
    public void ExpressionsOfATermAreAnded()
    {
        Assert.Null(filter.Reject(Required(Term(Expression("disk", "In", "ssd"), Expression("zone", "In", "a"))), node));
        Assert.Equal(Mismatch, filter.Reject(Required(Term(Expression("disk", "In", "ssd"), Expression("zone", "In", "b"))), node));
    }

    [Fact]
    public void TermsAreOred() =>
        Assert.Null(filter.Reject(Required(Term(Expression("zone", "In", "b")), Term(Expression("disk", "In", "ssd"))), node));

    [Fact]
    public void ATermWithoutExpressionsMatchesNoNode() =>
        Assert.Equal(Mismatch, filter.Reject(Required(new NodeSelectorTerm()), node));

    [Fact]
    public void SelectorAndAffinityMustBothMatch()
    {
        var pod = Required(Term(Expression("disk", "In", "ssd"))) with { NodeSelector = Labels("zone=b") };

        Assert.Equal(Mismatch, filter.Reject(pod, node));
    }

    [Fact]
    public void PreferredTermsDoNotFilter()
    {
        var pod = Pod() with
        {
            NodeAffinity = new NodeAffinity { PreferredDuringSchedulingIgnoredDuringExecution = [new PreferredSchedulingTerm { Weight = 100, Preference = Term(Expression("gpu", "Exists")) }] },
        };

        Assert.Null(filter.Reject(pod, node));
    }

    private static PodRequest Required(params NodeSelectorTerm[] terms) =>
        Pod() with { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = [.. terms] } } };
}
