using Platform.Contracts;
using Platform.NodeAgent.ClusterServices;

namespace Platform.NodeAgent.Tests.ClusterServices;

public sealed class BackendRotationTests
{
    private static readonly ServiceBackend A = new("10.88.0.2", 8080, "node-a", "a");
    private static readonly ServiceBackend B = new("10.88.0.3", 8080, "node-a", "b");
    private static readonly ServiceBackend C = new("10.88.0.4", 8080, "node-a", "c");
    private static readonly ServiceBackend Remote = new("10.89.0.2", 8080, "node-b", "r");

    [Fact]
    public void Each_connection_starts_one_further_along_the_local_endpoints()
    {
        var firsts = Enumerable.Range(0, 6).Select(turn => BackendRotation.Order([A, B, C], OnNodeA, turn)[0]).ToList();

        Assert.Equal([A, B, C, A, B, C], firsts);
        Assert.Equal([B, C, A], BackendRotation.Order([A, B, C], OnNodeA, 1));
    }

    [Fact]
    public void Far_endpoints_come_after_every_near_one()
    {
        Assert.Equal([B, A, Remote], BackendRotation.Order([Remote, A, B], OnNodeA, 1));
        Assert.Equal([Remote], BackendRotation.Order([Remote], OnNodeA, 7));
    }

    [Fact]
    public void Another_nodes_endpoints_the_host_reaches_directly_take_their_turn_with_the_local_ones()
    {
        var firsts = Enumerable.Range(0, 3).Select(turn => BackendRotation.Order([A, Remote, B], _ => true, turn)[0]).ToList();

        Assert.Equal([A, Remote, B], firsts);
    }

    [Fact]
    public void No_endpoint_gives_no_candidate() => Assert.Empty(BackendRotation.Order([], OnNodeA, 3));

    private static bool OnNodeA(ServiceBackend backend) => backend.NodeName == "node-a";
}
