using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class TopColumnsTests
{
    private static JsonNode PodMetrics(string @namespace, string name, params (string Cpu, string Memory)[] containers) => new JsonObject
    {
        ["kind"] = "PodMetrics",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["window"] = "10s",
        ["containers"] = new JsonArray(containers.Select((c, i) => (JsonNode)new JsonObject
        {
            ["name"] = $"c{i}",
            ["usage"] = new JsonObject { ["cpu"] = c.Cpu, ["memory"] = c.Memory },
        }).ToArray()),
    };

    private static JsonNode NodeMetrics(string name, string cpu, string memory) => new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["usage"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory },
    };

    private static Node Node(string name, string cpu, string memory) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Status = new NodeStatus { Allocatable = new() { ["cpu"] = cpu, ["memory"] = memory } },
    };

    [Fact]
    public void Pods_show_the_sum_of_their_containers_in_millicores_and_mebibytes()
    {
        var text = TopColumns.Pods(
            [PodMetrics("default", "web-1", ("12m", "3456Ki"), ("1", "1Gi")), PodMetrics("default", "idle", ("0", "0"))],
            withNamespace: false);

        Assert.Equal(
            """
            NAME    CPU(cores)   MEMORY(bytes)
            web-1   1012m        1027Mi
            idle    0m           0Mi

            """,
            text);
    }

    [Fact]
    public void All_namespaces_adds_the_namespace_first()
    {
        var text = TopColumns.Pods([PodMetrics("team-a", "burn", ("998m", "524288"))], withNamespace: true);

        Assert.Equal(
            """
            NAMESPACE   NAME   CPU(cores)   MEMORY(bytes)
            team-a      burn   998m         0Mi

            """,
            text);
    }

    [Fact]
    public void Nodes_show_their_share_of_allocatable_and_unknown_without_metrics()
    {
        var nodes = new[] { Node("node-a", "2", "8Gi"), Node("node-b", "4", "16Gi") };
        var metrics = new Dictionary<string, JsonNode> { ["node-a"] = NodeMetrics("node-a", "500m", "2Gi") };

        var text = TopColumns.Nodes(nodes, metrics);

        Assert.Equal(
            """
            NAME     CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)
            node-a   500m         25%         2048Mi          25%
            node-b   <unknown>    <unknown>   <unknown>       <unknown>

            """,
            text);
    }

    [Theory]
    [InlineData("250m", 250)]
    [InlineData("1500000000n", 1500)]
    [InlineData("2", 2000)]
    public void Cpu_quantities_of_any_form_read_as_millicores(string cpu, long milli) =>
        Assert.Equal(milli, TopColumns.PodUsage(PodMetrics("ns", "p", (cpu, "0"))).Cpu);
}
