namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>The real kubectl against the cluster's HTTPS port, with a kubeconfig of its own (removed on dispose).</summary>
public sealed class KubectlRunner(PlatformCluster cluster) : IDisposable
{
    private readonly string kubeconfig = Path.Combine(cluster.Home, $"kubeconfig-{Guid.NewGuid():N}");

    public async Task<ToolResult> RunAsync(string? input, params string[] arguments)
    {
        await EnsureKubeconfigAsync();
        return await Tool.RunAsync("kubectl", Arguments(arguments), new Dictionary<string, string>(), input ?? string.Empty);
    }

    /// <summary>Starts a kubectl that runs until interrupted (port-forward), with extra environment variables.</summary>
    public async Task<CliSession> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await EnsureKubeconfigAsync();
        return new CliSession("kubectl", Arguments(arguments), environment);
    }

    private string[] Arguments(string[] arguments) =>
        ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(cluster.Home, $"kube-cache-{Path.GetFileName(kubeconfig)}"), .. arguments];

    private async Task EnsureKubeconfigAsync()
    {
        if (!File.Exists(kubeconfig))
        {
            await File.WriteAllTextAsync(kubeconfig, $"""
                apiVersion: v1
                kind: Config
                clusters:
                  - name: platform
                    cluster:
                      server: {cluster.GatewayTlsUrl.ToString().TrimEnd('/')}
                      certificate-authority-data: {Convert.ToBase64String(await File.ReadAllBytesAsync(cluster.GatewayCertificate))}
                users:
                  - name: admin
                    user:
                      token: {cluster.Token}
                contexts:
                  - name: platform
                    context:
                      cluster: platform
                      user: admin
                      namespace: default
                current-context: platform
                """);
        }
    }

    public void Dispose()
    {
        if (File.Exists(kubeconfig))
        {
            File.Delete(kubeconfig);
        }
    }
}
