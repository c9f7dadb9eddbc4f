using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Services;

/// <summary>
/// The ingress's host form: <c>Host: &lt;service&gt;.&lt;namespace&gt;.apps.localhost</c> (the default
/// PLATFORM_INGRESS_DOMAIN) reaches the same ready pods as <c>/apps/&lt;namespace&gt;/&lt;service&gt;/</c>, is counted in
/// the same per-Service metrics, and answers 404 for an unknown service and 503 without ready pods.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class IngressHostTests(PlatformCluster cluster)
{
    private const string Name = "svc-host";
    private const string Host = $"{Name}.default.apps.localhost";
    private const string Services = "/api/v1/namespaces/default/services";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_host_header_routes_to_the_services_ready_pods_like_the_path_form()
    {
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(Name, Name));
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, ServiceManifests.WebDeployment(Name, 2));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, Name, Timeout);
        var pods = (await WorkloadApi.PodsAsync(cluster.Http, $"app={Name}")).Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Name!).Order().ToList();
        using var anonymous = new HttpClient { BaseAddress = cluster.GatewayUrl };
        await Eventually.TrueAsync(async () => (await GetAsync(anonymous, Host, "/")).Code == HttpStatusCode.OK, Timeout, "the ingress to route the host form");

        // Both pods answer, round robin, with no token; the path form still reaches the same pods.
        var before = await RequestsCountedAsync();
        var byHost = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (code, body) = await GetAsync(anonymous, Host, "/");
            Assert.Equal(HttpStatusCode.OK, code);
            byHost.Add(body.Trim());
        }

        Assert.Equal(pods, byHost.Distinct().Order());
        var (pathCode, pathBody) = await GetAsync(anonymous, null, $"/apps/default/{Name}/");
        Assert.Equal(HttpStatusCode.OK, pathCode);
        Assert.Contains(pathBody.Trim(), pods);

        // Counted in the same series as the path form: 6 by host and 1 by path.
        await Eventually.TrueAsync(async () => await RequestsCountedAsync() == before + 7, Timeout, "the ingress's request counter to count both forms");

        // Every path under the host is the workload's, never the API's: busybox httpd answers its own 404.
        var (apiCode, apiBody) = await GetAsync(anonymous, Host, "/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.NotFound, apiCode);
        Assert.DoesNotContain("\"kind\"", apiBody, StringComparison.Ordinal);

        var (unknownCode, unknownBody) = await GetAsync(anonymous, "nothing.default.apps.localhost", "/");
        Assert.Equal(HttpStatusCode.NotFound, unknownCode);
        Assert.Equal(
            "service \"nothing\" not found in namespace \"default\" (the ingress routes <service>.<namespace>.apps.localhost)",
            (string?)System.Text.Json.Nodes.JsonNode.Parse(unknownBody)!["message"]);
        var (bareCode, _) = await GetAsync(anonymous, "apps.localhost", "/");
        Assert.Equal(HttpStatusCode.NotFound, bareCode);

        // No ready pod: 503, as by path.
        var scale = await cluster.Cli.RunAsync(null, "scale", "deployment", Name, "--replicas", "0");
        Assert.True(scale.ExitCode == 0, scale.Errors);
        await Eventually.TrueAsync(async () =>
        {
            var (code, body) = await GetAsync(anonymous, Host, "/");
            return code == HttpStatusCode.ServiceUnavailable && body.Contains("has no ready endpoints", StringComparison.Ordinal);
        }, Timeout, "503 by host from a service without ready pods");

        // curl, as a user types it: *.localhost names reach 127.0.0.1 without any DNS set-up.
        var curl = await Tool.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", $"http://{Host}:{cluster.GatewayUrl.Port}/"]);
        Assert.Equal("503", curl.Output);

        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", Name)).ExitCode);
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "service", Name)).ExitCode);
    }

    private static async Task<(HttpStatusCode Code, string Body)> GetAsync(HttpClient client, string? host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>platform_ingress_requests_total of this Service with code 200, from the gateway's /metrics.</summary>
    private async Task<long> RequestsCountedAsync()
    {
        var text = await cluster.Http.GetStringAsync("/metrics");
        return CounterLine().Matches(text)
            .Where(m => m.Groups["labels"].Value.Contains($"service=\"{Name}\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains("namespace=\"default\"", StringComparison.Ordinal)
                && m.Groups["labels"].Value.Contains("code=\"200\"", StringComparison.Ordinal))
            .Sum(m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?m)^platform_ingress_requests_total\{(?<labels>[^}]*)\} (?<value>\d+)")]
    private static partial Regex CounterLine();
}
