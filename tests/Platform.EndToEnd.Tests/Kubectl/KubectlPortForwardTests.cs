using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Kubectl;

/// <summary>
/// The real kubectl 1.32 port-forward over the gateway's HTTPS port: SPDY/3.1 tunnelled in a WebSocket (what it
/// asks for first), a plain SPDY upgrade (its fallback, forced with KUBECTL_PORT_FORWARD_WEBSOCKETS=false), and a
/// port nobody listens on reported as the kubelet words it. Local ports on 127.0.0.1 only.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KubectlPortForwardTests(PlatformCluster cluster) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);

    [Theory]
    [InlineData("true", "kpf-tunnel")]
    [InlineData("false", "kpf-spdy")]
    public async Task Http_gets_through_kubectl_port_forward_reach_the_pods_httpd(string websockets, string pod)
    {
        await StartHttpdAsync(pod);

        using var forward = await StartForwardAsync(websockets, pod, ":8080");
        var port = await LocalPortAsync(forward);
        using var http = PortForwardTests.OneRequestPerConnection();
        var body = await PortForwardTests.PageAsync(http, port, forward, $"the page through kubectl port-forward (websockets={websockets})");
        var again = await http.GetStringAsync($"http://127.0.0.1:{port}/index.html");
        var third = await http.GetStringAsync($"http://127.0.0.1:{port}/");

        Assert.Equal("hello through the tunnel\n", body);
        Assert.Equal(body, again);
        Assert.Equal(body, third);
        await forward.WaitForLineAsync($"^Handling connection for {port}$", Timeout);
        var (_, errors) = await forward.InterruptAsync(Timeout);
        Assert.DoesNotContain("error", errors, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/"));
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", pod)).ExitCode);
    }

    [Fact]
    public async Task A_large_answer_arrives_whole()
    {
        const string pod = "kpf-large";
        // 3 MiB of zeros: many data frames each way through the tunnel, the gateway and the agent.
        await StartHttpdAsync(pod, "mkdir -p /www && head -c 3145728 /dev/zero > /www/big && exec httpd -f -p 8080 -h /www", "/big");

        using var forward = await StartForwardAsync("true", pod, ":8080");
        var port = await LocalPortAsync(forward);
        using var http = PortForwardTests.OneRequestPerConnection();
        var size = await Eventually.ValueAsync(async () =>
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/big");
            return response.IsSuccessStatusCode ? (int?)(await response.Content.ReadAsByteArrayAsync()).Length : null;
        }, Timeout, "the large page through kubectl port-forward");

        Assert.Equal(3 * 1024 * 1024, size);
        await forward.InterruptAsync(Timeout);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", pod)).ExitCode);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_reported_by_kubectl_as_the_kubelet_words_it()
    {
        const string pod = "kpf-closed";
        await StartHttpdAsync(pod);

        using var forward = await StartForwardAsync("true", pod, ":9");
        var port = await LocalPortAsync(forward);
        using var http = PortForwardTests.OneRequestPerConnection();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/"));

        // kubectl prints the error stream's text and, as against a kubelet, ends the session.
        await forward.WaitForExitAsync(Timeout);
        var (_, errors) = await forward.InterruptAsync(Timeout);
        Assert.Matches(new Regex(@"error forwarding port 9 to pod \S+: dial tcp [\d.]+:9: "), errors);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", pod)).ExitCode);
    }

    public void Dispose() => kubectl.Dispose();

    private async Task StartHttpdAsync(string pod, string httpd = PortForwardTests.Httpd, string page = "/")
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod(pod, httpd, "Always"), "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, pod, "Running", Timeout);
        // kubectl, as against a kubelet, ends the whole session when a connection cannot reach the pod: start it
        // only once httpd listens (it may start a moment after the container).
        await Eventually.TrueAsync(
            async () => (await cluster.Cli.RunAsync(null, "exec", pod, "--", "wget", "-q", "-O", "/dev/null", $"http://127.0.0.1:8080{page}")).ExitCode == 0,
            Timeout, $"httpd listening in {pod}");
    }

    private Task<CliSession> StartForwardAsync(string websockets, string pod, string ports) =>
        kubectl.StartAsync(new Dictionary<string, string> { ["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = websockets }, "port-forward", "--address", "127.0.0.1", $"pod/{pod}", ports);

    private static async Task<int> LocalPortAsync(CliSession forward)
    {
        var index = await forward.WaitForLineAsync(@"^Forwarding from 127\.0\.0\.1:\d+ -> \d+$", Timeout);
        return int.Parse(forward.Lines[index].Split(':')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
