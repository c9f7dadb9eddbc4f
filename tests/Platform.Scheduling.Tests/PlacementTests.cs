using Platform.Api.Model;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests;

public class PlacementTests
{
    private readonly Placement placement = Placement.Default;

    [Fact]
    public void APodThatFitsGoesToANode()
    {
        var decision = placement.Place(Pod(500, 256 * Mi), [Node("node-a")]);

        Assert.Equal("node-a", decision.NodeName);
        Assert.True(decision.Placed);
        Assert.Empty(decision.Rejections);
        Assert.Equal("placed on node-a", decision.Explain(1));
    }

    [Fact]
    public void APodThatFitsNowhereGetsNoNodeAndEveryReason()
    {
        var nodes = new[]
        {
            Node("node-e", podCount: 110),
            Node("node-c", unschedulable: true),
            Node("node-a", milliCpu: 1000),
            Node("node-d", memory: Gi),
            Node("node-b", ready: false),
        };

        var decision = placement.Place(Pod(2000, 2 * Gi), nodes);

        Assert.Null(decision.NodeName);
        Assert.False(decision.Placed);
        Assert.Equal(
            "0/5 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods, 1 node(s) were not ready, " +
            "1 node(s) were unschedulable. node-a: Insufficient cpu; node-b: node(s) were not ready; node-c: node(s) were unschedulable; " +
            "node-d: Insufficient memory; node-e: Too many pods.",
            decision.Explain(nodes.Length));
    }

    [Fact]
    public void NoNodesAtAll()
    {
        var decision = placement.Place(Pod(), []);

        Assert.False(decision.Placed);
        Assert.Empty(decision.Rejections);
        Assert.Equal("0/0 nodes are available: no nodes registered.", decision.Explain(0));
    }

    [Fact]
    public void NotReadyAndUnschedulableNodesAreFilteredEvenWhenEmptier()
    {
        var decision = placement.Place(Pod(100, Mi),
        [
            Node("node-a", ready: false),
            Node("node-b", unschedulable: true),
            Node("node-c", allocatedCpu: 3000, allocatedMemory: 7 * Gi),
        ]);

        Assert.Equal("node-c", decision.NodeName);
        Assert.Equal(
            new Dictionary<string, string> { ["node-a"] = "node(s) were not ready", ["node-b"] = "node(s) were unschedulable" },
            decision.Rejections);
    }

    [Fact]
    public void ANodeAtMaxPodsIsSkipped()
    {
        var decision = placement.Place(Pod(), [Node("node-a", podCount: 10, maxPods: 10), Node("node-b", allocatedCpu: 3000, podCount: 9, maxPods: 10)]);

        Assert.Equal("node-b", decision.NodeName);
        Assert.Equal(new Dictionary<string, string> { ["node-a"] = "Too many pods" }, decision.Rejections);
    }

    [Fact]
    public void LeastAllocatedPicksTheNodeWithMoreCpuLeft()
    {
        var decision = placement.Place(Pod(500, Gi), [Node("node-a", allocatedCpu: 3000), Node("node-b", allocatedCpu: 1000)]);

        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void LeastAllocatedPicksTheNodeWithMoreMemoryLeft()
    {
        var decision = placement.Place(Pod(500, Gi), [Node("node-a", allocatedMemory: Gi), Node("node-b", allocatedMemory: 6 * Gi)]);

        Assert.Equal("node-a", decision.NodeName);
    }

    [Fact]
    public void LeastAllocatedComparesShareLeftNotAmountLeft()
    {
        // node-big has more cores free (2000m vs 1500m) but a smaller share of itself free (25% vs 75%).
        var decision = placement.Place(Pod(500, Gi),
        [
            Node("node-big", milliCpu: 8000, memory: 8 * Gi, allocatedCpu: 6000),
            Node("node-small", milliCpu: 2000, memory: 8 * Gi),
        ]);

        Assert.Equal("node-small", decision.NodeName);
    }

    [Fact]
    public void TiesGoToTheNameThatSortsFirst()
    {
        var decision = placement.Place(Pod(500, Gi), [Node("node-c"), Node("node-a"), Node("node-b")]);

        Assert.Equal("node-a", decision.NodeName);
    }

    [Fact]
    public void AZeroRequestPodStillSpreadsByTheNonZeroDefault()
    {
        // Counting the pod as nothing, both nodes would score 100 and node-a would win by name;
        // counted as 100m and 200Mi, it takes half of node-a but little of node-b.
        var decision = placement.Place(Pod(), [Node("node-a", milliCpu: 200, memory: 400 * Mi), Node("node-b")]);

        Assert.Equal("node-b", decision.NodeName);
    }

    [Fact]
    public void RequiredNodeNameRestrictsToThatNode()
    {
        var decision = placement.Place(Pod(500, Gi, nodeName: "node-b"),
        [
            Node("node-a"),
            Node("node-b", allocatedCpu: 3000, allocatedMemory: 6 * Gi),
            Node("node-c"),
        ]);

        Assert.Equal("node-b", decision.NodeName);
        Assert.Equal(
            new Dictionary<string, string> { ["node-a"] = "node(s) didn't match the requested node name", ["node-c"] = "node(s) didn't match the requested node name" },
            decision.Rejections);
    }

    [Fact]
    public void ARequiredNodeThatIsFullPlacesNowhere()
    {
        var decision = placement.Place(Pod(2000, Gi, nodeName: "node-b"), [Node("node-a"), Node("node-b", allocatedCpu: 3000)]);

        Assert.False(decision.Placed);
        Assert.Equal(
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match the requested node name. " +
            "node-a: node(s) didn't match the requested node name; node-b: Insufficient cpu.",
            decision.Explain(2));
    }

    [Fact]
    public void ANodeThatIsNotReadyIsReportedAsSuchEvenWhenNotTheRequiredOne()
    {
        var decision = placement.Place(Pod(nodeName: "node-b"), [Node("node-a", ready: false), Node("node-b")]);

        Assert.Equal("node-b", decision.NodeName);
        Assert.Equal(new Dictionary<string, string> { ["node-a"] = "node(s) were not ready" }, decision.Rejections);
    }

    [Fact]
    public void PlacingFillsNodesInTurn()
    {
        // Three identical pods onto two identical nodes, each decision seeing the previous ones.
        var nodes = new List<NodeCandidate> { Node("node-a"), Node("node-b") };
        var pod = Pod(1000, 2 * Gi);
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var name = placement.Place(pod, nodes).NodeName!;
            placed.Add(name);
            var index = nodes.FindIndex(n => n.Name == name);
            nodes[index] = nodes[index] with { Allocated = nodes[index].Allocated + pod.Requests, PodCount = nodes[index].PodCount + 1 };
        }

        Assert.Equal(["node-a", "node-b", "node-a"], placed);
    }

    [Fact]
    public void ScoresAreWeighted()
    {
        var custom = new Placement([], [(new FixedScore(new() { ["node-a"] = 10, ["node-b"] = 30 }), 1.0), (new FixedScore(new() { ["node-a"] = 20, ["node-b"] = 5 }), 2.0)]);

        // node-a: 10 + 2 * 20 = 50; node-b: 30 + 2 * 5 = 40.
        Assert.Equal("node-a", custom.Place(Pod(), [Node("node-b"), Node("node-a")]).NodeName);
    }

    [Fact]
    public void EveryFilterMustAccept()
    {
        var custom = new Placement([new RejectNamed("node-a", "first"), new RejectNamed("node-b", "second")], []);

        var decision = custom.Place(Pod(), [Node("node-a"), Node("node-b"), Node("node-c")]);

        Assert.Equal("node-c", decision.NodeName);
        Assert.Equal(new Dictionary<string, string> { ["node-a"] = "first", ["node-b"] = "second" }, decision.Rejections);
    }

    [Fact]
    public void NodeFreeIsAllocatableLessAllocated() =>
        Assert.Equal(new ResourceAmounts(1500, 3 * Gi), Node("node-a", allocatedCpu: 2500, allocatedMemory: 5 * Gi).Free);

    private sealed class FixedScore(Dictionary<string, double> scores) : INodeScore
    {
        public double Score(PodRequest pod, NodeCandidate node) => scores[node.Name];
    }

    private sealed class RejectNamed(string name, string reason) : INodeFilter
    {
        public string? Reject(PodRequest pod, NodeCandidate node) => node.Name == name ? reason : null;
    }
}
