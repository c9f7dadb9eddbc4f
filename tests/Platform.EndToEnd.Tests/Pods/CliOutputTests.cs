using System.Text.Json;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>platformctl's read verbs against the real gateway.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CliOutputTests(PlatformCluster cluster)
{
    [Fact]
    public async Task Get_nodes_shows_the_ready_node_with_its_address()
    {
        var result = await cluster.Cli.RunAsync(null, "get", "nodes", "-o", "wide");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME\n", result.Output);
        Assert.Matches($@"(?m)^{PlatformCluster.NodeName}\s+Ready\s+<none>\s+\S+\s+v0\.1\.0-platform\s+127\.0\.0\.1\s", result.Output);
    }

    [Fact]
    public async Task Get_pod_as_json_and_yaml_is_the_stored_object()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("printed", "echo printed"), "apply", "-f", "-");
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "printed", PodPhases.Succeeded, TimeSpan.FromSeconds(60));

        var json = await cluster.Cli.RunAsync(null, "get", "pod", "printed", "-o", "json");
        var yaml = await cluster.Cli.RunAsync(null, "get", "pod", "printed", "-o", "yaml");

        Assert.Equal(0, json.ExitCode);
        var printed = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(pod.Metadata.Uid, printed.GetProperty("metadata").GetProperty("uid").GetString());
        Assert.Equal("Succeeded", printed.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains($"uid: {pod.Metadata.Uid}\n", yaml.Output, StringComparison.Ordinal);
        Assert.Contains("phase: Succeeded\n", yaml.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_shows_the_node_the_state_and_the_exit_code()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("described", "exit 7"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "described", PodPhases.Failed, TimeSpan.FromSeconds(60));

        var result = await cluster.Cli.RunAsync(null, "describe", "pod", "described");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"(?m)^Node:\s+{PlatformCluster.NodeName}/127\.0\.0\.1$", result.Output);
        Assert.Matches(@"(?m)^\s+State:\s+Terminated$", result.Output);
        Assert.Matches(@"(?m)^\s+Exit Code:\s+7$", result.Output);
    }

    [Fact]
    public async Task Getting_a_pod_that_does_not_exist_is_one_line_and_exit_code_1()
    {
        var result = await cluster.Cli.RunAsync(null, "get", "pod", "nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"nowhere\" not found\n", result.Errors);
    }
}
