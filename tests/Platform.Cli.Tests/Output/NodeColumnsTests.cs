using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Output;

public class NodeColumnsTests
{
    [Fact]
    public void RendersTheDefaultTable()
    {
        var text = NodeColumns.Table(SampleNodes(), TableOptions.Default, TestObjects.Now);

        Assert.Equal(
            """
            NAME     STATUS                        ROLES           AGE   VERSION
            node-a   Ready                         control-plane   2d    v0.1.0
            node-b   NotReady,SchedulingDisabled   <none>          12m   v0.1.0
            node-c   Unknown                       <none>          90s   <none>

            """,
            text);
    }

    [Fact]
    public void WideAddsAddressAndSystemInfo()
    {
        var node = ControlPlane();

        var text = NodeColumns.Table([node], new TableOptions(Wide: true, WithNamespace: false), TestObjects.Now);

        Assert.Equal(
            """
            NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP   OS-IMAGE       KERNEL-VERSION   CONTAINER-RUNTIME
            node-a   Ready    control-plane   2d    v0.1.0    10.0.0.1      Ubuntu 24.04   6.8.0-45         platform://0.1.0

            """,
            text);
    }

    [Theory]
    [InlineData("True", "Ready")]
    [InlineData("False", "NotReady")]
    [InlineData("Unknown", "Unknown")]
    [InlineData(null, "Unknown")]
    public void StatusComesFromTheReadyCondition(string? ready, string expected) =>
        Assert.Equal(expected, NodeColumns.Status(TestObjects.Node("n", TimeSpan.Zero, ready)));

    private static IEnumerable<Node> SampleNodes()
    {
        yield return ControlPlane();
        var cordoned = TestObjects.Node("node-b", TimeSpan.FromMinutes(12), "False");
        cordoned.Spec.Unschedulable = true;
        yield return cordoned;
        yield return TestObjects.Node("node-c", TimeSpan.FromSeconds(90), ready: null, kubeletVersion: null);
    }

    private static Node ControlPlane()
    {
        var node = TestObjects.Node("node-a", TimeSpan.FromDays(2), "True");
        node.Metadata.Labels = new() { ["node-role.kubernetes.io/control-plane"] = "", ["kubernetes.io/os"] = "linux" };
        node.Status!.Addresses = [new NodeAddress { Type = "Hostname", Address = "node-a" }, new NodeAddress { Type = "InternalIP", Address = "10.0.0.1" }];
        node.Status.NodeInfo = new NodeSystemInfo
        {
            KubeletVersion = "v0.1.0",
            OsImage = "Ubuntu 24.04",
            KernelVersion = "6.8.0-45",
            ContainerRuntimeVersion = "platform://0.1.0",
        };
        return node;
    }
}
