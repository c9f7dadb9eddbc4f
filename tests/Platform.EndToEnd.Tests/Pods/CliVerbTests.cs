using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>platformctl's kubectl-like verbs against the real gateway, and the kubeconfig it writes used by the real kubectl.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CliVerbTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Create_refuses_an_object_that_exists_and_delete_f_removes_it()
    {
        var manifest = Manifests.Pod("created-once", "echo created");

        var first = await cluster.Cli.RunAsync(manifest, "create", "-f", "-");
        var second = await cluster.Cli.RunAsync(manifest, "create", "-f", "-");

        Assert.Equal((0, "pod/created-once created\n"), (first.ExitCode, first.Output));
        Assert.Equal(1, second.ExitCode);
        Assert.Equal("Error from server (AlreadyExists): pods \"created-once\" already exists\n", second.Errors);

        var delete = await cluster.Cli.RunAsync(manifest, "delete", "-f", "-");

        Assert.Equal((0, "pod \"created-once\" deleted\n"), (delete.ExitCode, delete.Output));
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "created-once"));
    }

    [Fact]
    public async Task Run_creates_a_pod_whose_output_logs_shows_with_tail_and_since()
    {
        var run = await cluster.Cli.RunAsync(null, "run", "counted", "--image", "busybox:latest", "--restart", "Never", "--command", "--", "sh", "-c", "echo one; echo two; echo three");
        Assert.Equal((0, "pod/counted created\n"), (run.ExitCode, run.Output));
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "counted", PodPhases.Succeeded, Timeout);
        Assert.Equal("counted", pod.Metadata.Labels!["run"]);

        var all = await cluster.Cli.RunAsync(null, "logs", "counted");
        var tail = await cluster.Cli.RunAsync(null, "logs", "counted", "--tail", "2");
        var recent = await cluster.Cli.RunAsync(null, "logs", "pod/counted", "--since", "1h", "--tail", "1");
        var stamped = await cluster.Cli.RunAsync(null, "logs", "counted", "--since", "1h", "--timestamps");

        Assert.Equal("one\ntwo\nthree\n", all.Output);
        Assert.Equal("two\nthree\n", tail.Output);
        Assert.Equal("three\n", recent.Output);
        Assert.Matches(@"^(\d{4}-\d\d-\d\dT\S+Z (one|two|three)\n){3}$", stamped.Output);
    }

    [Fact]
    public async Task Get_prints_names_and_jsonpath_from_the_server_objects()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("pathed", "echo pathed"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "pathed", PodPhases.Succeeded, Timeout);

        var name = await cluster.Cli.RunAsync(null, "get", "po", "pathed", "-o", "name");
        var phase = await cluster.Cli.RunAsync(null, "get", "pod", "pathed", "-o", "jsonpath={.metadata.name} {.status.phase} {.spec.containers[0].image}");
        var listed = await cluster.Cli.RunAsync(null, "get", "pods", "-o", """jsonpath={range .items[?(@.metadata.name=="pathed")]}{.metadata.name}={.status.containerStatuses[0].state.terminated.exitCode}{"\n"}{end}""");
        var nodes = await cluster.Cli.RunAsync(null, "get", "no", "-o", "name");
        var selected = await cluster.Cli.RunAsync(null, "get", "pods", "-l", "test=e2e,test notin (other)", "-o", "name");
        var none = await cluster.Cli.RunAsync(null, "get", "pods", "-l", "test=nothing");

        Assert.Equal("pod/pathed\n", name.Output);
        Assert.Equal("pathed Succeeded busybox:latest", phase.Output);
        Assert.Equal("pathed=0\n", listed.Output);
        Assert.Equal($"node/{PlatformCluster.NodeName}\n", nodes.Output);
        Assert.Contains("pod/pathed", selected.Output.Split('\n'), StringComparer.Ordinal);
        Assert.Equal((0, string.Empty, "No resources found in default namespace.\n"), (none.ExitCode, none.Output, none.Errors));
    }

    [Fact]
    public async Task A_kind_the_server_does_not_serve_is_one_line()
    {
        // Every kind the CLI knows is served now; a word naming none gets kubectl's line.
        var result = await cluster.Cli.RunAsync(null, "get", "widgets");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the server doesn't have a resource type \"widgets\"\n", result.Errors);
    }

    [Fact]
    public async Task Cluster_info_names_the_api_and_the_registry()
    {
        var result = await cluster.Cli.RunAsync(null, "cluster-info");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^Platform API is running at {cluster.GatewayUrl.ToString().TrimEnd('/')} \(version v\S+\)\nImage registry is running at 127\.0\.0\.1:\d+\n$", result.Output);
    }

    [Fact]
    public async Task The_real_kubectl_reaches_the_gateway_over_tls_with_the_token_through_the_written_kubeconfig()
    {
        var kubeconfig = Path.Combine(cluster.Home, $"kubeconfig-{Guid.NewGuid():N}");
        var gateway = new Dictionary<string, string>
        {
            ["PLATFORM_HOME"] = cluster.Home,
            ["PLATFORM_GATEWAY_TLS_URL"] = cluster.GatewayTlsUrl.ToString(),
        };

        var written = await cluster.Cli.RunWithAsync(gateway, null, "config", "kubeconfig", "--file", kubeconfig);
        var server = await Tool.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "config", "view", "--raw", "--minify", "-o", "jsonpath={.clusters[0].cluster.server} {.users[0].user.token} {.contexts[0].context.namespace}"]);
        var version = await Tool.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "get", "--raw", "/version"]);
        // Listing needs the token: kubectl sends it only because the server is https and trusted.
        var namespaces = await Tool.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(cluster.Home, "kube-cache-cfg"), "get", "namespaces", "-o", "name"]);

        Assert.Equal((0, string.Empty), (written.ExitCode, written.Errors));
        Assert.Equal($"{cluster.GatewayTlsUrl.ToString().TrimEnd('/')} {cluster.Token} default", server.Output);
        Assert.True(version.ExitCode == 0, version.Errors);
        Assert.Contains("\"gitVersion\"", version.Output, StringComparison.Ordinal);
        Assert.True(namespaces.ExitCode == 0, namespaces.Errors);
        Assert.Contains("namespace/default\n", namespaces.Output, StringComparison.Ordinal);
        File.Delete(kubeconfig);
    }

    [Fact]
    public async Task A_refused_connection_names_the_server_and_how_to_start_it()
    {
        var refused = new PlatformCli(new Uri("http://127.0.0.1:1"), cluster.Token, cluster.Home);

        var result = await refused.RunAsync(null, "get", "pods");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: cannot reach the Platform API at http://127.0.0.1:1 (connection refused); is it running? Start it with ./platform up\n", result.Errors);
    }
}
