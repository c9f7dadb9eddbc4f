using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// The real `kubectl exec` (1.32, WebSocket first) against the gateway: output, stdin, exit code, unknown
/// pod and container. It runs on an open API: kubectl sends a kubeconfig's token only over TLS.
/// </summary>
[Collection(OpenApiClusterCollection.Name)]
public sealed class KubectlExecTests(OpenApiCluster cluster) : IAsyncLifetime
{
    private const string Pod = "exec-target";
    private readonly string kubeconfig = Path.Combine(cluster.Home, $"kubeconfig-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: e2e
                cluster:
                  server: {cluster.GatewayUrl.ToString().TrimEnd('/')}
            users:
              - name: admin
                user:
                  token: {cluster.Token}
            contexts:
              - name: e2e
                context:
                  cluster: e2e
                  user: admin
                  namespace: default
            current-context: e2e
            """);
        await ExecTarget.RunningAsync(cluster, Pod);
    }

    public Task DisposeAsync()
    {
        File.Delete(kubeconfig);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Kubectl_exec_speaks_the_websocket_protocol_with_output_and_exit_code()
    {
        var result = await KubectlAsync(null, "exec", Pod, "--", "sh", "-c", "echo from kubectl; echo to stderr >&2; exit 4");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("from kubectl\n", result.Output);
        Assert.StartsWith("to stderr\n", result.Errors, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 4", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_exec_with_stdin_and_a_successful_command()
    {
        var result = await KubectlAsync("piped in\n", "exec", "-i", Pod, "-c", "main", "--", "sh", "-c", "read line; echo got: $line");

        Assert.Equal((0, "got: piped in\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Kubectl_exec_reports_an_unknown_pod_and_container()
    {
        var pod = await KubectlAsync(null, "exec", "no-such-pod", "--", "true");
        var container = await KubectlAsync(null, "exec", Pod, "-c", "sidecar", "--", "true");

        Assert.Equal(1, pod.ExitCode);
        Assert.Contains("pods \"no-such-pod\" not found", pod.Errors, StringComparison.Ordinal);
        Assert.Equal(1, container.ExitCode);
        Assert.Contains("container sidecar is not valid for pod exec-target", container.Errors, StringComparison.Ordinal);
    }

    private Task<ToolResult> KubectlAsync(string? input, params string[] arguments) =>
        Tool.RunAsync("kubectl", ["--kubeconfig", kubeconfig, .. arguments], new Dictionary<string, string> { ["HOME"] = cluster.Home }, input ?? string.Empty);
}
