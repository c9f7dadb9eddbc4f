namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>The real kubectl against the cluster's HTTPS port, with a kubeconfig of its own (removed on dispose).</summary>
public sealed class KubectlRunner(PlatformCluster cluster) : IDisposable
{
    private readonly string kubeconfig = Path.Combine(cluster.Home, $"kubeconfig-{Guid.NewGuid():N}");

    public async Task<ToolResult> RunAsync(string? input, params string[] arguments)
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

        return await Tool.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(cluster.Home, $"kube-cache-{Path.GetFileName(kubeconfig)}"), .. arguments], new Dictionary<string, string>(), input ?? string.Empty);
    }

    public void Dispose()
    {
        if (File.Exists(kubeconfig))
        {
            File.Delete(kubeconfig);
        }
    }
}
