using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Metrics;

/// <summary>
/// Usage from the pods' cgroups up to `platformctl top` and the real `kubectl top`, and every service's /metrics
/// read by promtool and scraped by a real Prometheus (Debian's package, installed by infra/run-tests.sh).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class MetricsTests(PlatformCluster cluster) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);
    private readonly string pod = $"burn-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A busy loop held to a fifth of a core by its CFS quota, so it burns no more of the shared machine.</summary>
    private string Manifest => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {pod}
          labels:
            app: burn
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 1
          containers:
            - name: burn
              image: busybox:latest
              command: ["sh", "-c", "while :; do :; done"]
              resources:
                requests:
                  cpu: 50m
                  memory: 8Mi
                limits:
                  cpu: 200m
                  memory: 32Mi
        """;

    /// <summary>xUnit does not dispose a test class whose InitializeAsync threw: a busy pod that started late must not stay.</summary>
    public Task InitializeAsync() => FixtureStart.RunAsync(
        async () =>
        {
            var apply = await cluster.Cli.RunAsync(Manifest, "apply", "-f", "-");
            Assert.True(apply.ExitCode == 0, apply.Errors);
            await ClusterApi.WaitForPhaseAsync(cluster.Http, pod, "Running", Timeout);
        },
        DisposeAsync);

    public async Task DisposeAsync()
    {
        kubectl.Dispose();
        await cluster.Cli.RunAsync(null, "delete", "pod", pod);
    }

    [Fact]
    public async Task Platformctl_top_pods_shows_the_busy_pods_cpu_and_memory()
    {
        var (cpu, memory) = await Eventually.ValueAsync(async () =>
        {
            var top = await cluster.Cli.RunAsync(null, "top", "pods", "-l", "app=burn");
            return top.ExitCode == 0 && PodRow(pod).Match(top.Output) is { Success: true } row && Millicores(row) > 0
                ? new Usage(Millicores(row), long.Parse(row.Groups["memory"].Value, CultureInfo.InvariantCulture))
                : null;
        }, Timeout, "top pods to show the busy pod using CPU");

        // The CFS quota caps it at 200m; the window's rate cannot be far above.
        Assert.InRange(cpu, 1, 300);
        Assert.True(memory >= 0);

        var header = await cluster.Cli.RunAsync(null, "top", "pods", "-A");
        Assert.Matches(@"^NAMESPACE\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\n", header.Output);

        var nodes = await cluster.Cli.RunAsync(null, "top", "nodes");
        Assert.Equal(0, nodes.ExitCode);
        Assert.Matches(@$"(?m)^{PlatformCluster.NodeName}\s+[1-9]\d*m\s+\d+%\s+[1-9]\d*Mi\s+\d+%$", nodes.Output);
    }

    [Fact]
    public async Task The_metrics_api_reports_working_set_memory_in_kubernetes_quantities()
    {
        var metrics = await Eventually.ValueAsync(async () =>
        {
            using var response = await cluster.Http.GetAsync($"/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/{pod}");
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, Timeout, "the pod's metrics");

        Assert.Equal("PodMetrics", (string?)metrics["kind"]);
        Assert.Equal("metrics.k8s.io/v1beta1", (string?)metrics["apiVersion"]);
        Assert.Matches(@"^\d+(\.\d+)?s$", (string?)metrics["window"]);
        var usage = metrics["containers"]![0]!["usage"]!;
        Assert.Equal("burn", (string?)metrics["containers"]![0]!["name"]);
        Assert.Matches(@"^\d+(m|Ki|Mi)?$", (string?)usage["memory"]);
        Assert.NotEqual("0", (string?)usage["memory"]);

        using var missing = await cluster.Http.GetAsync("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/no-such-pod");
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task Kubectl_top_reads_the_metrics_api()
    {
        var row = await Eventually.ValueAsync(async () =>
        {
            var top = await KubectlAsync("top", "pods", "-l", "app=burn");
            return top.ExitCode == 0 && PodRow(pod).Match(top.Output) is { Success: true } match && Millicores(match) > 0 ? match : null;
        }, Timeout, "kubectl top pods to show the busy pod using CPU");
        Assert.InRange(Millicores(row), 1, 300);

        var nodes = await KubectlAsync("top", "nodes");
        Assert.True(nodes.ExitCode == 0, nodes.Errors);
        Assert.Matches(@$"(?m)^{PlatformCluster.NodeName}\s+[1-9]\d*m\s+\d+%\s+[1-9]\d*Mi\s+\d+%\s*$", nodes.Output);

        // platformctl prints the same columns as kubectl.
        var ours = await cluster.Cli.RunAsync(null, "top", "nodes");
        Assert.Equal(HeaderOf(nodes.Output), HeaderOf(ours.Output));
        var pods = await KubectlAsync("top", "pods", "-A");
        Assert.Equal(HeaderOf(pods.Output), HeaderOf((await cluster.Cli.RunAsync(null, "top", "pods", "-A")).Output));
    }

    [GeneratedRegex(@"(?m)^platform_pods\{[^}]*phase=""Running""[^}]*\} (?<count>\d+)")]
    private static partial Regex RunningPods();

    [Fact]
    public async Task Every_service_serves_metrics_that_promtool_accepts()
    {
        // The node agent's pod series appear once it has sampled the pod; the rest exist from the start.
        await Eventually.TrueAsync(async () => (await ScrapeAsync(cluster.AgentUrl, null)).Contains($"pod=\"{pod}\"", StringComparison.Ordinal), Timeout, "the agent's series of the pod");
        // The gateway counts pods by phase from the change stream: the busy pod shows as Running.
        await Eventually.TrueAsync(async () => RunningPods().Match(await ScrapeAsync(cluster.GatewayUrl, cluster.Token)) is { Success: true } running
            && int.Parse(running.Groups["count"].Value, CultureInfo.InvariantCulture) >= 1, Timeout, "the gateway's pods by phase to count the running pod");

        var expected = new (Uri Url, string? Token, string[] Names)[]
        {
            (cluster.GatewayUrl, cluster.Token, ["platform_pods{", "phase=\"Running\"", "http_server_request_duration_seconds_bucket"]),
            (cluster.SchedulerMetricsUrl, null, ["platform_scheduler_schedule_attempts_total{", "result=\"scheduled\"", "platform_scheduler_attempt_duration_seconds_bucket", "platform_scheduler_pod_scheduling_duration_seconds_bucket", "platform_scheduler_queue_depth"]),
            (cluster.AgentUrl, null, ["platform_pod_cpu_usage_seconds_total{", "platform_pod_memory_working_set_bytes{", "platform_pod_pids{", "platform_node_running_containers", "platform_node_cpu_usage_seconds_total"]),
            (cluster.ImageStoreUrl, null, ["platform_image_store_blob_pushed_bytes_total", "platform_image_store_blob_served_bytes_total", "http_server_request_duration_seconds_bucket"]),
        };
        foreach (var (url, token, names) in expected)
        {
            var text = await ScrapeAsync(url, token);
            foreach (var name in names)
            {
                Assert.True(text.Contains(name, StringComparison.Ordinal), $"{url}metrics lacks {name}:\n{text}");
            }

            var check = await Tool.RunAsync("promtool", ["check", "metrics"], input: text);
            Assert.True(check.ExitCode == 0, $"promtool refused {url}metrics: {check.Output}{check.Errors}");
        }

        // Latency buckets are in seconds, with sub-second bounds (OpenTelemetry's defaults are for milliseconds).
        Assert.Matches(@"platform_scheduler_attempt_duration_seconds_bucket\{[^}]*le=""0\.025""", await ScrapeAsync(cluster.SchedulerMetricsUrl, null));
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_every_service()
    {
        var directory = Directory.CreateTempSubdirectory("platform-prometheus-").FullName;
        var port = FreePorts.Next();
        var tokenFile = Path.Combine(directory, "token");
        await File.WriteAllTextAsync(tokenFile, cluster.Token);
        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: api-gateway
                authorization:
                  credentials_file: {tokenFile}
                static_configs:
                  - targets: ["{cluster.GatewayUrl.Authority}"]
              - job_name: scheduler
                static_configs:
                  - targets: ["{cluster.SchedulerMetricsUrl.Authority}"]
              - job_name: node-agent
                static_configs:
                  - targets: ["{cluster.AgentUrl.Authority}"]
              - job_name: image-store
                static_configs:
                  - targets: ["{cluster.ImageStoreUrl.Authority}"]
            """);
        var prometheus = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("prometheus",
        [
            $"--config.file={Path.Combine(directory, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            prometheus.BeginErrorReadLine();
            prometheus.BeginOutputReadLine();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.TrueAsync(async () => await ResultCountAsync(http, "up == 1") == 4, Timeout, "Prometheus to scrape all four services");
            await Eventually.TrueAsync(async () => await ResultCountAsync(http, $"rate(platform_pod_cpu_usage_seconds_total{{pod=\"{pod}\"}}[5s]) > 0") == 1, Timeout, "Prometheus to see the pod burn CPU");
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            prometheus.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> ResultCountAsync(HttpClient prometheus, string query)
    {
        var answer = JsonNode.Parse(await prometheus.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}"));
        return answer?["data"]?["result"]?.AsArray().Count ?? 0;
    }

    private static async Task<string> ScrapeAsync(Uri service, string? token)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.GetStringAsync("/metrics");
    }

    private static Regex PodRow(string name) => new($@"(?m)^{Regex.Escape(name)}\s+(?<cpu>\d+)m\s+(?<memory>\d+)Mi\s*$");

    private static string HeaderOf(string table) => string.Join(' ', table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static long Millicores(Match row) => long.Parse(row.Groups["cpu"].Value, CultureInfo.InvariantCulture);

    private Task<ToolResult> KubectlAsync(params string[] arguments) => kubectl.RunAsync(null, arguments);

    private sealed record Usage(long Cpu, long Memory);
}
