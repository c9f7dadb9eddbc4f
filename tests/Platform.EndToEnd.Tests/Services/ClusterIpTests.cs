using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;
using Platform.EndToEnd.Tests.Workloads;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Services;

/// <summary>
/// The ClusterIP data path on the node: a pod reaches a busybox httpd Deployment behind a Service with
/// wget by the service's name, its FQDN and its cluster IP (the agent's DNS and its userspace proxy on the
/// cluster IP); the proxy follows the Endpoints; a headless name answers the pods' own addresses; a deleted
/// Service leaves no listener and its address is refused; a restarted agent converges on what changed while
/// it was away, and a stopped one leaves no route for the service range.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterIpTests(PlatformCluster cluster)
{
    private const string Services = "/api/v1/namespaces/default/services";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_pod_reaches_a_service_by_name_fqdn_and_cluster_ip_and_only_its_ready_pods()
    {
        const string web = "cip-web";
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(web, web));
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, ServiceManifests.WebDeployment(web, 2));
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service($"{web}-headless", web, extra: "  clusterIP: None"));
        await StartClientAsync("cip-client");
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, web, Timeout);
        var pods = await ServingPodsAsync(web, 2);
        var clusterIp = await ClusterIpAsync(web);

        // By name (the pod's search path), by FQDN and by the cluster IP: each answer is one of the pods' pages.
        var byName = await Eventually.ValueAsync(() => FetchOrNullAsync("cip-client", $"http://{web}/"), Timeout, "the service by name");
        var byFqdn = await FetchAsync("cip-client", $"http://{web}.default.svc.cluster.local/");
        var byIp = await FetchAsync("cip-client", $"http://{clusterIp}/");
        Assert.All(new[] { byName, byFqdn, byIp }, answer => Assert.Contains(answer, pods.Keys));

        // Round robin over both ready pods.
        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await FetchAsync("cip-client", $"http://{clusterIp}/"));
        }

        Assert.Equal(pods.Keys.Order(), answers.Distinct().Order());

        // A headless service's name is the ready pods' own addresses (wget reaches the pod's port directly).
        var headless = await FetchAsync("cip-client", $"http://{web}-headless.default.svc.cluster.local:8080/");
        Assert.Contains(headless, pods.Keys);
        var lookup = await cluster.Cli.RunAsync(null, "exec", "cip-client", "--", "nslookup", $"{web}-headless.default.svc.cluster.local.");
        Assert.All(pods.Values, ip => Assert.Contains(ip, lookup.Output));

        // Scaled down to one pod: every connection goes to the one left.
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "scale", "deployment", web, "--replicas", "1")).ExitCode);
        var left = (await ServingPodsAsync(web, 1)).Keys.Single();
        await Eventually.TrueAsync(async () => (await FetchFourAsync(clusterIp)).All(a => a == left), Timeout, "connections to go only to the pod left");

        // Its pod deleted: the replacement takes over.
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", left)).ExitCode);
        var replacement = await Eventually.ValueAsync(async () =>
            (await ServingPodsAsync(web, 1)).Keys.SingleOrDefault(n => n != left), Timeout, "a replacement pod");
        await Eventually.TrueAsync(async () => (await FetchFourAsync(clusterIp)).All(a => a == replacement), Timeout, "connections to go to the replacement");

        // The Service deleted: neither its listener nor its name stays, and its address is refused by the node at once.
        Assert.True(await ListensAsync(clusterIp), $"no listener on {clusterIp}:80");
        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{web}");
        await Eventually.TrueAsync(async () => !await ListensAsync(clusterIp), Timeout, "the cluster IP's listener to close");
        var refused = await WgetAsync("cip-client", $"http://{clusterIp}/");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Connection refused", refused.Output + refused.Errors);
        var gone = await WgetAsync("cip-client", $"http://{web}/");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("bad address", gone.Output + gone.Errors);

        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{web}-headless");
        await WorkloadApi.DeleteAsync(cluster.Http, $"{WorkloadApi.Deployments}/{web}");
        await cluster.Cli.RunAsync(null, "delete", "pod", "cip-client");
    }

    [Fact]
    public async Task A_restarted_agent_learns_what_changed_while_it_was_away_and_removes_its_cluster_ips_at_stop()
    {
        const string web = "cip-resync";
        await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service(web, web));
        await WorkloadApi.CreateAsync(cluster.Http, WorkloadApi.Deployments, ServiceManifests.WebDeployment(web, 1));
        await StartClientAsync("cip-resync-client");
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, web, Timeout);
        var pod = (await ServingPodsAsync(web, 1)).Keys.Single();
        var oldIp = await ClusterIpAsync(web);
        Assert.Equal(pod, await Eventually.ValueAsync(() => FetchOrNullAsync("cip-resync-client", $"http://{web}/"), Timeout, "the service by name"));

        Assert.Contains($"local {cluster.ServiceSubnet} dev {cluster.Bridge}", await LocalRouteAsync());
        string? routeWhileDown = null;
        string? newIp = null;
        await cluster.RestartNodeAgentAsync(whileDown: async () =>
        {
            routeWhileDown = await LocalRouteAsync();

            // Changed while no agent listens, and the messages about it dropped: only the resync at start can tell.
            await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{web}");
            await WorkloadApi.CreateAsync(cluster.Http, Services, ServiceManifests.Service($"{web}-late", web));
            newIp = await ClusterIpAsync($"{web}-late");
            await cluster.RabbitMq.CtlAsync("purge_queue", $"node.{PlatformCluster.NodeName}.services");
        });

        Assert.Equal(string.Empty, routeWhileDown);
        Assert.Equal(pod, await Eventually.ValueAsync(() => FetchOrNullAsync("cip-resync-client", $"http://{web}-late/"), Timeout, "the service created while the agent was down"));
        Assert.Equal(pod, await FetchAsync("cip-resync-client", $"http://{newIp}/"));
        Assert.Contains($"local {cluster.ServiceSubnet} dev {cluster.Bridge}", await LocalRouteAsync());
        Assert.True(await ListensAsync(newIp!));
        Assert.False(await ListensAsync(oldIp));
        var gone = await WgetAsync("cip-resync-client", $"http://{web}/");
        Assert.Contains("bad address", gone.Output + gone.Errors);

        await WorkloadApi.DeleteAsync(cluster.Http, $"{Services}/{web}-late");
        await WorkloadApi.DeleteAsync(cluster.Http, $"{WorkloadApi.Deployments}/{web}");
        await cluster.Cli.RunAsync(null, "delete", "pod", "cip-resync-client");
    }

    /// <summary>A busybox pod that stays up, to run wget in with exec.</summary>
    private async Task StartClientAsync(string name)
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod(name, "sleep 3600"), "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, name, PodPhases.Running, Timeout);
    }

    /// <summary>The ready pods of the deployment once exactly <paramref name="count"/> serve: name → pod IP.</summary>
    private Task<Dictionary<string, string>> ServingPodsAsync(string app, int count) =>
        Eventually.ValueAsync(async () =>
        {
            var pods = (await WorkloadApi.PodsAsync(cluster.Http, $"app={app}"))
                .Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
                .ToDictionary(p => p.Metadata.Name!, p => p.Status!.PodIP!);
            return pods.Count == count ? pods : null;
        }, Timeout, $"{count} ready pod(s) of {app}");

    private async Task<string> ClusterIpAsync(string service) =>
        (await WorkloadApi.GetAsync<Service>(cluster.Http, $"{Services}/{service}"))!.Spec.ClusterIP!;

    private async Task<List<string>> FetchFourAsync(string clusterIp)
    {
        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await FetchOrNullAsync("cip-client", $"http://{clusterIp}/") ?? "(failed)");
        }

        return answers;
    }

    private async Task<string> FetchAsync(string client, string url) =>
        await FetchOrNullAsync(client, url) ?? throw new Xunit.Sdk.XunitException($"wget {url} from {client} failed");

    /// <summary>wget in the client pod: the page's first line, or null when it failed.</summary>
    private async Task<string?> FetchOrNullAsync(string client, string url)
    {
        var result = await WgetAsync(client, url);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>Bounded by busybox's timeout applet: this busybox's `wget -T` crashes (SIGSEGV) on every request.</summary>
    private Task<ToolResult> WgetAsync(string client, string url) =>
        cluster.Cli.RunAsync(null, "exec", client, "--", "timeout", "10", "wget", "-q", "-O", "-", url);

    /// <summary>Whether the node agent listens on the cluster IP's port 80 (the host's listening sockets, as `ss` shows them).</summary>
    private static async Task<bool> ListensAsync(string clusterIp) =>
        (await Tool.RunAsync("ss", ["-Hltn"])).Output.Contains($" {clusterIp}:80 ", StringComparison.Ordinal);

    /// <summary>The route that makes the cluster's service range local to the host, as `ip` shows it.</summary>
    private async Task<string> LocalRouteAsync() =>
        (await Tool.RunAsync("ip", ["route", "show", "table", "local", cluster.ServiceSubnet])).Output;
}
