using Platform.Api.Model;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests;

/// <summary>The default pipeline end to end: which filter speaks for a node, and how the scores steer placement.</summary>
public class PipelineTests
{
    private readonly Placement placement = Placement.Default;

    [Fact]
    public void TheMessageCountsReasonsAsKubernetesAndNamesEachNode()
    {
        var nodes = new[]
        {
            Node("node-a", milliCpu: 1000),
            Node("node-b") with { Taints = [Taint("k", "v", "NoSchedule")] },
        };

        var decision = placement.Place(Pod(2000, Gi), nodes);

        Assert.Equal(
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {k: v}. " +
            "node-a: Insufficient cpu; node-b: node(s) had untolerated taint {k: v}.",
            decision.Explain(2));
    }

    [Fact]
    public void EqualReasonsAreCountedTogether()
    {
        var decision = placement.Place(Pod(8000, Gi), [Node("node-a"), Node("node-b"), Node("node-c", ready: false)]);

        Assert.StartsWith("0/3 nodes are available: 1 node(s) were not ready, 2 Insufficient cpu. ", decision.Explain(3), StringComparison.Ordinal);
    }

    [Fact]
    public void AtMostTenNodesAreNamed()
    {
        var nodes = Enumerable.Range(0, 12).Select(i => Node($"node-{i:00}", ready: false)).ToList();

        var message = placement.Place(Pod(), nodes).Explain(nodes.Count);

        Assert.Equal(
            "0/12 nodes are available: 12 node(s) were not ready. " +
            string.Join("; ", Enumerable.Range(0, 10).Select(i => $"node-{i:00}: node(s) were not ready")) + "; and 2 more.",
            message);
    }

    [Fact]
    public void ANodeIsReportedByTheFirstFilterThatRefusesIt()
    {
        // Not ready, cordoned, tainted, mismatched and full all at once: readiness speaks.
        var node = Node("node-a", ready: false, unschedulable: true, podCount: 110) with { Taints = [Taint("k", "v", "NoSchedule")] };

        var decision = placement.Place(Pod(9000, Gi) with { NodeSelector = Labels("disk=ssd") }, [node]);

        Assert.Equal("node(s) were not ready", decision.Rejections["node-a"]);
    }

    [Fact]
    public void TheFilterOrderIsReadyUnschedulableNameTaintAffinityPodsResources()
    {
        var pod = Pod(9000, Gi, nodeName: "node-x") with { NodeSelector = Labels("disk=ssd") };
        var nodes = new[]
        {
            Node("a", ready: false),
            Node("b", unschedulable: true),
            Node("c"),
            Node("node-x", podCount: 110) with { Taints = [Taint("k", "v", "NoExecute")] },
        };

        var decision = placement.Place(pod, nodes);

        Assert.Equal("node(s) were not ready", decision.Rejections["a"]);
        Assert.Equal("node(s) were unschedulable", decision.Rejections["b"]);
        Assert.Equal("node(s) didn't match the requested node name", decision.Rejections["c"]);
        Assert.Equal("node(s) had untolerated taint {k: v}", decision.Rejections["node-x"]);
        Assert.Equal(
            "node(s) didn't match Pod's node affinity/selector",
            placement.Place(pod, [Node("node-x", podCount: 110)]).Rejections["node-x"]);
        Assert.Equal("Too many pods", placement.Place(pod with { NodeSelector = Labels() }, [Node("node-x", podCount: 110)]).Rejections["node-x"]);
    }

    [Fact]
    public void APodToleratingATaintMayUseThatNode()
    {
        var pod = Pod() with { Tolerations = [new Toleration { Key = "dedicated", Operator = "Exists" }] };

        Assert.Equal("gpu", placement.Place(pod, [Node("gpu") with { Taints = [Taint("dedicated", "gpu", "NoSchedule")] }]).NodeName);
    }

    [Fact]
    public void APreferNoScheduleTaintSteersAwayWhenThereIsAChoice()
    {
        // "node-a" sorts first and is otherwise identical.
        var decision = placement.Place(Pod(), [Node("node-a") with { Taints = [Taint("k", "v", "PreferNoSchedule")] }, Node("node-b")]);

        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void APreferNoScheduleTaintStillTakesThePodWhenItIsTheOnlyNode() =>
        Assert.Equal("node-a", placement.Place(Pod(), [Node("node-a") with { Taints = [Taint("k", "v", "PreferNoSchedule")] }]).NodeName);

    [Fact]
    public void PreferredAffinityOutweighsALittleMoreRoom()
    {
        var pod = Pod(500, Gi) with
        {
            NodeAffinity = new NodeAffinity { PreferredDuringSchedulingIgnoredDuringExecution = [new PreferredSchedulingTerm { Weight = 1, Preference = Term(Expression("disk", "In", "ssd")) }] },
        };

        var decision = placement.Place(pod, [Node("node-a"), Node("node-b", allocatedCpu: 1000) with { Labels = Labels("disk=ssd") }]);

        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void PodsWithTheSameLabelsSpreadOverNodes()
    {
        // node-a holds one web pod and is otherwise emptier, so least allocated alone would choose it.
        var pod = Pod(100, 100 * Mi) with { Labels = Labels("app=web") };
        var nodes = new[]
        {
            Node("node-a", podCount: 1) with { Pods = [new PlacedPod("default", Labels("app=web"))] },
            Node("node-b", allocatedCpu: 1000, allocatedMemory: 2 * Gi, podCount: 2) with { Pods = [new PlacedPod("default", Labels("app=db")), new PlacedPod("default", Labels("app=db"))] },
        };

        Assert.Equal("node-b", placement.Place(pod, nodes).NodeName);
    }

    [Fact]
    public void APodGoesWhereItsImageAlreadyIsWhenAllElseIsEqual()
    {
        var pod = Pod() with { ImageLayers = new Dictionary<string, long> { ["sha256:l1"] = 5 * Mi } };

        var decision = placement.Place(pod, [Node("node-a"), Node("node-b") with { ImageLayers = new HashSet<string> { "sha256:l1" } }]);

        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void TotalsAreTheWeightedSumOfNormalisedScores()
    {
        // An empty 4-core 8 GiB node and a pod of 1000m and 2 GiB: least allocated 75, balanced 100,
        // node affinity 0 (no preferences), taints 100 × 3, spread 100 × 2 (no labels: nothing to spread), image 0.
        var totals = placement.Totals(Pod(1000, 2 * Gi), [Node("node-a")]);

        Assert.Equal([75.0 + 100 + 0 + 300 + 200 + 0], totals);
    }
}
