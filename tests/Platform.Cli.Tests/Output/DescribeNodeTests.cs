using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Output;

public class DescribeNodeTests
{
    [Fact]
    public void DescribesLikeKubectl()
    {
        var text = DescribeNode.Render(SampleNode(), TimeZoneInfo.Utc);

        Assert.Equal(
            """
            Name:               node-a
            Roles:              control-plane
            Labels:             kubernetes.io/os=linux
                                node-role.kubernetes.io/control-plane=
            Annotations:        <none>
            CreationTimestamp:  Mon, 30 Dec 2024 12:00:00 +0000
            Taints:             <none>
            Unschedulable:      false
            Conditions:
              Type    Status   LastHeartbeatTime                 Reason         Message
              Ready   True     Wed, 01 Jan 2025 11:59:50 +0000   KubeletReady   node agent is posting ready status
            Addresses:
              Hostname:    node-a
              InternalIP:  10.0.0.1
            Capacity:
              cpu:     4
              memory:  8Gi
              pods:    110
            Allocatable:
              cpu:     4
              memory:  7Gi
              pods:    110
            System Info:
              Kernel Version:             6.8.0-45
              OS Image:                   Ubuntu 24.04
              Operating System:           linux
              Architecture:               amd64
              Container Runtime Version:  platform://0.1.0
              Kubelet Version:            v0.1.0

            """,
            text);
    }

    [Fact]
    public void ACordonedTaintedNodeShowsItsTaints()
    {
        var node = SampleNode();
        node.Spec.Unschedulable = true;
        node.Spec.Taints = [new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }, new Taint { Key = "maintenance", Effect = "NoExecute" }];

        var text = DescribeNode.Render(node, TimeZoneInfo.Utc);

        Assert.Contains(
            """
            CreationTimestamp:  Mon, 30 Dec 2024 12:00:00 +0000
            Taints:             dedicated=gpu:NoSchedule
                                maintenance:NoExecute
            Unschedulable:      true

            """,
            text,
            StringComparison.Ordinal);
    }

    private static Node SampleNode()
    {
        var node = TestObjects.Node("node-a", TimeSpan.FromDays(2), "True");
        node.Metadata.Labels = new() { ["node-role.kubernetes.io/control-plane"] = "", ["kubernetes.io/os"] = "linux" };
        node.Status!.Conditions![0].LastHeartbeatTime = TestObjects.Now.AddSeconds(-10);
        node.Status.Conditions[0].Reason = "KubeletReady";
        node.Status.Conditions[0].Message = "node agent is posting ready status";
        node.Status.Addresses = [new NodeAddress { Type = "InternalIP", Address = "10.0.0.1" }, new NodeAddress { Type = "Hostname", Address = "node-a" }];
        node.Status.Capacity = new() { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" };
        node.Status.Allocatable = new() { ["cpu"] = "4", ["memory"] = "7Gi", ["pods"] = "110" };
        node.Status.NodeInfo = new NodeSystemInfo
        {
            KernelVersion = "6.8.0-45",
            OsImage = "Ubuntu 24.04",
            OperatingSystem = "linux",
            Architecture = "amd64",
            ContainerRuntimeVersion = "platform://0.1.0",
            KubeletVersion = "v0.1.0",
        };
        return node;
    }
}
