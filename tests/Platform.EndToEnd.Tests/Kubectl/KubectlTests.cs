using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;
using Platform.EndToEnd.Tests.Workloads;

namespace Platform.EndToEnd.Tests.Kubectl;

/// <summary>The real kubectl (1.32, installed on these machines) against the gateway, for the daily verbs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KubectlTests(PlatformCluster cluster) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly KubectlRunner kubectl = new(cluster);

    [Fact]
    public async Task Kubectl_discovers_the_api_and_prints_the_server_version()
    {
        var version = await KubectlAsync(null, "version", "-o", "json");
        Assert.Contains("v1.32.0-platform", version);

        var resources = await KubectlAsync(null, "api-resources", "--no-headers");
        Assert.Matches(@"(?m)^deployments\s+deploy\s+apps/v1\s+true\s+Deployment$", resources);
        Assert.Matches(@"(?m)^pods\s+po\s+v1\s+true\s+Pod$", resources);
        Assert.Matches(@"(?m)^namespaces\s+ns\s+v1\s+false\s+Namespace$", resources);
    }

    [Fact]
    public async Task Kubectl_applies_scales_inspects_and_deletes_a_deployment()
    {
        var file = Path.Combine(cluster.Home, $"kube-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, WorkloadManifests.Deployment("kube", 1));
        Assert.Equal("deployment.apps/kube created\n", await KubectlAsync(null, "apply", "-f", file));
        Assert.Contains("successfully rolled out", await KubectlAsync(null, "rollout", "status", "deployment/kube", "--timeout=90s"));

        await File.WriteAllTextAsync(file, WorkloadManifests.Deployment("kube", 1, "v2"));
        Assert.Equal("deployment.apps/kube configured\n", await KubectlAsync(null, "apply", "-f", file));
        Assert.Equal("deployment.apps/kube unchanged\n", await KubectlAsync(null, "apply", "-f", file));
        Assert.Contains("successfully rolled out", await KubectlAsync(null, "rollout", "status", "deployment/kube", "--timeout=90s"));

        Assert.Equal("deployment.apps/kube scaled\n", await KubectlAsync(null, "scale", "deployment", "kube", "--replicas=2"));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "kube", Timeout);

        var get = await KubectlAsync(null, "get", "deployment", "kube");
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n", get);
        Assert.Matches(@"(?m)^kube\s+2/2\s+2\s+2\s+\S+$", get);

        var pods = await KubectlAsync(null, "get", "pods", "-l", "app=kube");
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n", pods);
        Assert.Equal(2, pods.Split('\n').Count(l => l.StartsWith("kube-", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal)));

        var history = await KubectlAsync(null, "rollout", "history", "deployment/kube");
        Assert.Matches(@"(?m)^1\s", history);
        Assert.Matches(@"(?m)^2\s", history);

        var describe = await KubectlAsync(null, "describe", "deployment", "kube");
        Assert.Contains("ScalingReplicaSet", describe);

        Assert.Equal("deployment.apps \"kube\" deleted\n", await KubectlAsync(null, "delete", "deployment", "kube"));
        await WorkloadApi.WaitForPodCountAsync(cluster.Http, "app=kube", 0, Timeout);
    }

    [Fact]
    public async Task Kubectl_reads_pod_tables_logs_and_events()
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod("kubelogs", "echo from kubectl; sleep 3600"), "apply", "-f", "-")).ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "kubelogs", "Running", Timeout);

        var wide = await KubectlAsync(null, "get", "pod", "kubelogs", "-o", "wide");
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n", wide);
        Assert.Matches($@"(?m)^kubelogs\s+1/1\s+Running\s+0\s+\S+\s+\S+\s+{PlatformCluster.NodeName}\s", wide);

        await Eventually.TrueAsync(async () => (await KubectlAsync(null, "logs", "kubelogs")).Contains("from kubectl"), Timeout, "the pod's log through kubectl");
        var describe = await KubectlAsync(null, "describe", "pod", "kubelogs");
        Assert.Matches(@"Normal\s+Scheduled\s+.*Successfully assigned default/kubelogs", describe);
        Assert.Matches(@"Normal\s+Started\s+.*Started container main", describe);

        Assert.Equal("pod \"kubelogs\" deleted\n", await KubectlAsync(null, "delete", "pod", "kubelogs", "--wait=true"));
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, "kubelogs"));
    }

    [Fact]
    public async Task Kubectl_applies_and_lists_services_and_endpoints()
    {
        Assert.Equal("service/kube-svc created\n", await KubectlAsync(Services.ServiceManifests.Service("kube-svc", "kube-nothing"), "apply", "-f", "-"));

        var services = await KubectlAsync(null, "get", "svc", "kube-svc");
        Assert.Matches(@"^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\n", services);
        // The cluster IP comes from this test cluster's own service /24 (PodNetworkLease).
        var range = Regex.Escape(cluster.ServiceSubnet[..cluster.ServiceSubnet.LastIndexOf('.')]);
        Assert.Matches(@$"(?m)^kube-svc\s+ClusterIP\s+{range}\.\d+\s+<none>\s+80/TCP\s+\S+\n", services);
        var endpoints = await KubectlAsync(null, "get", "ep", "kube-svc");
        Assert.Matches(@"^NAME\s+ENDPOINTS\s+AGE\n(?m)kube-svc\s+<none>\s+\S+\n", endpoints);

        Assert.Equal("service \"kube-svc\" deleted\n", await KubectlAsync(null, "delete", "svc", "kube-svc", "--wait=true"));
    }

    [Fact]
    public async Task Kubectl_shows_server_errors_as_one_line_and_fails()
    {
        var missing = await RunAsync(null, "get", "deployment", "nothing-here");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Equal("Error from server (NotFound): deployments.apps \"nothing-here\" not found\n", missing.Errors);

        var bad = await RunAsync(WorkloadManifests.Deployment("badkube", -2), "apply", "-f", "-");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("spec.replicas", bad.Errors);
    }

    [Fact]
    public async Task Kubectl_cordons_labels_and_uncordons_the_node()
    {
        const string node = PlatformCluster.NodeName;
        try
        {
            Assert.Equal($"node/{node} cordoned\n", await KubectlAsync(null, "cordon", node));
            Assert.Contains("Ready,SchedulingDisabled", await KubectlAsync(null, "get", "node", node));
            Assert.Equal(0, (await cluster.Cli.RunAsync(Manifests.Pod("after-cordon", "sleep 3600"), "apply", "-f", "-")).ExitCode);
            await Eventually.TrueAsync(async () =>
                (await ClusterApi.GetPodAsync(cluster.Http, "after-cordon"))?.Status?.Conditions?
                    .Any(c => c is { Type: "PodScheduled", Status: "False", Reason: "Unschedulable" }) == true,
                Timeout, "the pod to wait as unschedulable");

            Assert.Equal($"node/{node} uncordoned\n", await KubectlAsync(null, "uncordon", node));
            await ClusterApi.WaitForPhaseAsync(cluster.Http, "after-cordon", Platform.Api.Model.PodPhases.Running, Timeout);

            Assert.Equal($"node/{node} labeled\n", await KubectlAsync(null, "label", "node", node, "e2e-tier=gold"));
            Assert.Equal($"node/{node}\n", await KubectlAsync(null, "get", "nodes", "-l", "e2e-tier=gold", "-o", "name"));
        }
        finally
        {
            await RunAsync(null, "uncordon", node);
            await RunAsync(null, "label", "node", node, "e2e-tier-");
            await cluster.Cli.RunAsync(null, "delete", "pod", "after-cordon");
        }
    }

    public void Dispose() => kubectl.Dispose();

    private async Task<string> KubectlAsync(string? input, params string[] arguments)
    {
        var result = await RunAsync(input, arguments);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed: {result.Errors}{result.Output}");
        return result.Output;
    }

    private Task<ToolResult> RunAsync(string? input, params string[] arguments) => kubectl.RunAsync(input, arguments);
}
