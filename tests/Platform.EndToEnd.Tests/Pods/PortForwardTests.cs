using System.Net;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// platformctl port-forward: HTTP through a local port to a busybox httpd in a pod, through the gateway and
/// the node agent, which dials the pod's own address; a deployment's pod; a port nobody listens on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PortForwardTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    internal const string Httpd = "mkdir -p /www && echo 'hello through the tunnel' > /www/index.html && exec httpd -f -p 8080 -h /www";

    [Fact]
    public async Task An_http_get_through_the_forwarded_port_reaches_the_pods_httpd_and_ctrl_c_ends_it()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod("pf-web", Httpd, "Always"), "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "pf-web", "Running", Timeout);

        using var forward = cluster.Cli.Start("port-forward", "pod/pf-web", ":8080");
        var port = await ForwardedPortAsync(forward);
        using var http = OneRequestPerConnection();
        // httpd may take a moment after the container starts to listen.
        var body = await PageAsync(http, port, forward, "the page through the forwarded port");
        string again;
        try
        {
            again = await http.GetStringAsync($"http://127.0.0.1:{port}/index.html");
        }
        catch (HttpRequestException e)
        {
            var (_, stderr) = await forward.InterruptAsync(Timeout);
            throw new InvalidOperationException($"second GET failed; platformctl printed {string.Join(" | ", forward.Lines)} and on stderr: {stderr}", e);
        }


        Assert.Equal("hello through the tunnel\n", body);
        Assert.Equal(body, again);
        await forward.WaitForLineAsync($"^Handling connection for {port}$", Timeout);
        var (exitCode, errors) = await forward.InterruptAsync(Timeout);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("error", errors, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/"));
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", "pf-web")).ExitCode);
    }

    [Fact]
    public async Task A_deployments_running_pod_is_picked_and_a_closed_port_is_reported_without_ending_the_command()
    {
        var manifest = WorkloadManifests.Deployment("pf-deploy", 1).Replace("command: [\"sh\", \"-c\", \"sleep 3600\"]", $"command: [\"sh\", \"-c\", \"{Httpd}\"]", StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.Cli.RunAsync(manifest, "apply", "-f", "-")).ExitCode);
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "pf-deploy", Timeout);

        using var forward = cluster.Cli.Start("port-forward", "deployment/pf-deploy", ":8080", ":9");
        var port = await ForwardedPortAsync(forward);
        var closed = await ForwardedPortAsync(forward, 1);
        using var http = OneRequestPerConnection();
        var body = await PageAsync(http, port, forward, "the deployment's page through the forwarded port");
        Assert.Equal("hello through the tunnel\n", body);

        // Nothing listens on port 9 in the pod: that connection fails, the command goes on.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{closed}/"));
        Assert.Equal("hello through the tunnel\n", await http.GetStringAsync($"http://127.0.0.1:{port}/"));
        var (exitCode, errors) = await forward.InterruptAsync(Timeout);
        Assert.Equal(0, exitCode);
        Assert.Matches(@"error: an error occurred forwarding \d+ -> 9: error forwarding port 9 to pod \S+: dial tcp [\d.]+:9: ", errors);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", "pf-deploy")).ExitCode);
    }

    [Fact]
    public async Task A_pod_that_is_not_running_is_refused_before_listening()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod("pf-done", "true"), "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "pf-done", "Succeeded", Timeout);

        var refused = await cluster.Cli.RunAsync(null, "port-forward", "pf-done", "8080");
        var missing = await cluster.Cli.RunAsync(null, "port-forward", "pod/pf-nope", "8080");

        Assert.Equal((1, "error: unable to forward port because pod is not running. Current status=Succeeded\n", string.Empty), (refused.ExitCode, refused.Errors, refused.Output));
        Assert.Equal((1, "Error from server (NotFound): pods \"pf-nope\" not found\n"), (missing.ExitCode, missing.Errors));
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", "pf-done")).ExitCode);
    }

    /// <summary>The page once httpd answers (it may start listening a moment after the container starts); what platformctl said if it never does.</summary>
    internal static async Task<string> PageAsync(HttpClient http, int port, CliSession forward, string what)
    {
        try
        {
            return await Eventually.ValueAsync(async () =>
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            }, Timeout, what);
        }
        catch (TimeoutException e)
        {
            var (_, errors) = await forward.InterruptAsync(Timeout);
            throw new TimeoutException($"{e.Message}; platformctl printed {string.Join(" | ", forward.Lines)} and on stderr: {errors}", e);
        }
    }

    /// <summary>busybox httpd closes each connection after its answer: a pooled connection would race that close.</summary>
    internal static HttpClient OneRequestPerConnection()
    {
        var http = new HttpClient { Timeout = Timeout };
        http.DefaultRequestHeaders.ConnectionClose = true;
        return http;
    }

    private static async Task<int> ForwardedPortAsync(CliSession forward, int index = 0)
    {
        var line = await forward.WaitForLineAsync(@"^Forwarding from 127\.0\.0\.1:\d+ -> \d+$", Timeout);
        var lines = forward.Lines.Where(l => l.StartsWith("Forwarding from", StringComparison.Ordinal)).ToList();
        if (index >= lines.Count)
        {
            await forward.WaitForLineAsync(@"^Forwarding from 127\.0\.0\.1:\d+ -> \d+$", Timeout, line + 1);
            lines = forward.Lines.Where(l => l.StartsWith("Forwarding from", StringComparison.Ordinal)).ToList();
        }

        return int.Parse(lines[index].Split(':')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
