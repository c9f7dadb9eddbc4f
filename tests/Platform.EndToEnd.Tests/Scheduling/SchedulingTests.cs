using System.Text;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Scheduling;

/// <summary>
/// Two schedulers place pods that do not all fit on one node: reservations never exceed what the node
/// can allocate, the rest stay Pending with the reason, and a pod is placed once capacity frees up.
/// </summary>
[Collection(TwoSchedulerCollection.Name)]
public sealed class SchedulingTests(TwoSchedulerCluster cluster)
{
    private const string Node = PlatformCluster.NodeName;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_schedulers_never_overcommit_the_node_and_the_rest_wait_with_the_reason()
    {
        var allocatable = await AllocatableMilliCpuAsync();
        var perPod = allocatable / 3;
        var fits = (int)(allocatable / perPod);
        var names = Enumerable.Range(0, 10).Select(i => $"fill-{i}").ToList();
        try
        {
            await Task.WhenAll(names.Select(n => CreateAsync(PodYaml(n, $"{perPod}m", tolerate: true))));

            var maxBound = 0;
            var maxReserved = 0L;
            await Eventually.TrueAsync(async () =>
            {
                var pods = await OurPodsAsync(names);
                var bound = pods.Where(p => p.Spec.NodeName == Node).ToList();
                maxBound = Math.Max(maxBound, bound.Count);
                maxReserved = Math.Max(maxReserved, bound.Sum(p => p.Spec.Requests().MilliCpu));
                return bound.Count(p => p.Status?.Phase == PodPhases.Running) == fits
                    && pods.Count(p => Unschedulable(p) is not null) == names.Count - fits;
            }, Timeout, $"{fits} pods Running and {names.Count - fits} Unschedulable");

            Assert.Equal(fits, maxBound);
            Assert.True(maxReserved <= allocatable, $"{maxReserved}m reserved of {allocatable}m");
            var pending = (await OurPodsAsync(names)).Where(p => p.Spec.NodeName is null).ToList();
            Assert.All(pending, p => Assert.Equal(PodPhases.Pending, p.Status?.Phase));
            Assert.All(pending, p => Assert.Equal(
                $"0/1 nodes are available: 1 Insufficient cpu. {Node}: Insufficient cpu.", Unschedulable(p)));

            var describe = await cluster.Cli.RunAsync(null, "describe", "pod", pending[0].Metadata.Name!);
            Assert.Matches(@"PodScheduled\s+False\s+Unschedulable\s+0/1 nodes are available: 1 Insufficient cpu\.", describe.Output);

            // Both replicas took requests from the one queue.
            Assert.All(cluster.SchedulerNames, s => Assert.Contains("Pod default/fill-", File.ReadAllText(cluster.LogPath(s)), StringComparison.Ordinal));

            // Capacity appears: one running pod goes, and exactly one waiting pod takes its place.
            var running = (await OurPodsAsync(names)).First(p => p.Spec.NodeName == Node);
            Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", running.Metadata.Name!)).ExitCode);
            var remaining = names.Where(n => n != running.Metadata.Name).ToList();
            await Eventually.TrueAsync(async () =>
            {
                var pods = await OurPodsAsync(remaining);
                var bound = pods.Where(p => p.Spec.NodeName == Node).ToList();
                maxBound = Math.Max(maxBound, bound.Count);
                return bound.Count(p => p.Status?.Phase == PodPhases.Running) == fits;
            }, Timeout, "a waiting pod to take the freed capacity");

            Assert.Equal(fits, maxBound);
            Assert.Equal(remaining.Count - fits, (await OurPodsAsync(remaining)).Count(p => p.Spec.NodeName is null));
        }
        finally
        {
            await DeleteAllAsync(names);
        }
    }

    [Fact]
    public async Task A_pod_that_does_not_tolerate_the_node_taint_waits_and_one_that_does_runs()
    {
        string[] names = ["untolerating", "tolerating"];
        try
        {
            await CreateAsync(PodYaml("untolerating", "10m", tolerate: false));
            await CreateAsync(PodYaml("tolerating", "10m", tolerate: true));

            await ClusterApi.WaitForPhaseAsync(cluster.Http, "tolerating", PodPhases.Running, Timeout);
            var waiting = await Eventually.ValueAsync(
                async () => await ClusterApi.GetPodAsync(cluster.Http, "untolerating") is { } pod && Unschedulable(pod) is { } reason ? reason : null,
                Timeout, "the untolerating pod to be Unschedulable");
            Assert.Equal(
                $"0/1 nodes are available: 1 node(s) had untolerated taint {{dedicated: e2e}}. {Node}: node(s) had untolerated taint {{dedicated: e2e}}.",
                waiting);
        }
        finally
        {
            await DeleteAllAsync(names);
        }
    }

    [Fact]
    public async Task Node_labels_from_the_agent_settings_select_the_node()
    {
        string[] names = ["blue-pool", "green-pool"];
        try
        {
            await CreateAsync(PodYaml("blue-pool", "10m", tolerate: true, selector: $"{TwoSchedulerCluster.NodeLabel}: blue"));
            await CreateAsync(PodYaml("green-pool", "10m", tolerate: true, selector: $"{TwoSchedulerCluster.NodeLabel}: green"));

            var blue = await ClusterApi.WaitForPhaseAsync(cluster.Http, "blue-pool", PodPhases.Running, Timeout);
            Assert.Equal(Node, blue.Spec.NodeName);
            var green = await Eventually.ValueAsync(
                async () => await ClusterApi.GetPodAsync(cluster.Http, "green-pool") is { } pod && Unschedulable(pod) is { } reason ? reason : null,
                Timeout, "the green pod to be Unschedulable");
            Assert.Equal($"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. {Node}: node(s) didn't match Pod's node affinity/selector.", green);

            var node = await cluster.Cli.RunAsync(null, "describe", "node", Node);
            Assert.Contains("platform.io/e2e-pool=blue", node.Output, StringComparison.Ordinal);
            Assert.Matches(@"Taints:\s+dedicated=e2e:NoSchedule", node.Output);
        }
        finally
        {
            await DeleteAllAsync(names);
        }
    }

    [Fact]
    public async Task Pods_asking_for_one_host_port_run_one_at_a_time_while_another_address_fits_beside_them()
    {
        var port = FreePorts.Next();
        var names = Enumerable.Range(0, 4).Select(i => $"port-{i}").ToList();
        string[] all = [.. names, "port-other-ip"];
        var reason = $"0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. {Node}: node(s) didn't have free ports for the requested pod ports.";
        try
        {
            // Four pods at once through two schedulers: the node's reservation is the one place that can refuse the race.
            await Task.WhenAll(names.Select(n => CreateAsync(PodYaml(n, "10m", tolerate: true, hostPort: port))));
            await CreateAsync(PodYaml("port-other-ip", "10m", tolerate: true, hostPort: port, hostIP: "127.0.0.2"));

            var maxBound = 0;
            await Eventually.TrueAsync(async () =>
            {
                var pods = await OurPodsAsync(names);
                maxBound = Math.Max(maxBound, pods.Count(p => p.Spec.NodeName == Node));
                return pods.Count(p => p.Status?.Phase == PodPhases.Running) == 1 && pods.Count(p => Unschedulable(p) == reason) == names.Count - 1;
            }, Timeout, "one pod Running on the port and the others Unschedulable");
            await ClusterApi.WaitForPhaseAsync(cluster.Http, "port-other-ip", PodPhases.Running, Timeout);
            Assert.Equal(1, maxBound);

            var describe = await cluster.Cli.RunAsync(null, "describe", "pod", (await OurPodsAsync(names)).First(p => p.Spec.NodeName is null).Metadata.Name!);
            Assert.Contains("didn't have free ports for the requested pod ports", describe.Output, StringComparison.Ordinal);

            // The port is freed: exactly one waiting pod takes it.
            var running = (await OurPodsAsync(names)).Single(p => p.Spec.NodeName == Node);
            Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "pod", running.Metadata.Name!)).ExitCode);
            var remaining = names.Where(n => n != running.Metadata.Name).ToList();
            await Eventually.TrueAsync(async () =>
            {
                var pods = await OurPodsAsync(remaining);
                maxBound = Math.Max(maxBound, pods.Count(p => p.Spec.NodeName == Node));
                return pods.Count(p => p.Status?.Phase == PodPhases.Running) == 1;
            }, Timeout, "a waiting pod to take the freed port");
            Assert.Equal(1, maxBound);
        }
        finally
        {
            await DeleteAllAsync(all);
        }
    }

    private static string? Unschedulable(Pod pod) =>
        pod.Status?.Conditions?.FirstOrDefault(c => c is { Type: "PodScheduled", Status: "False", Reason: "Unschedulable" })?.Message;

    private static string PodYaml(string name, string cpu, bool tolerate, string? selector = null, int? hostPort = null, string? hostIP = null)
    {
        var lines = new List<string>
        {
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            $"  name: {name}",
            "  labels:",
            $"    app: {name}",
            "spec:",
            "  restartPolicy: Never",
            "  terminationGracePeriodSeconds: 1",
            "  containers:",
            "  - name: main",
            "    image: busybox:latest",
            "    command: [sleep, \"300\"]",
            "    resources:",
            "      requests:",
            $"        cpu: {cpu}",
            "        memory: 8Mi",
        };
        if (hostPort is not null)
        {
            lines.AddRange(["    ports:", "    - containerPort: 8080", $"      hostPort: {hostPort}"]);
            lines.AddRange(hostIP is null ? [] : [$"      hostIP: {hostIP}"]);
        }

        if (selector is not null)
        {
            lines.AddRange(["  nodeSelector:", $"    {selector}"]);
        }

        if (tolerate)
        {
            lines.AddRange(
            [
                "  tolerations:",
                $"  - key: {TwoSchedulerCluster.TaintKey}",
                "    operator: Equal",
                $"    value: {TwoSchedulerCluster.TaintValue}",
                "    effect: NoSchedule",
            ]);
        }

        return string.Join('\n', lines) + "\n";
    }

    private async Task CreateAsync(string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await cluster.Http.PostAsync("/api/v1/namespaces/default/pods", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<Pod>> OurPodsAsync(IReadOnlyCollection<string> names) =>
        (await ClusterApi.ListPodsAsync(cluster.Http)).Where(p => names.Contains(p.Metadata.Name!)).ToList();

    private async Task<long> AllocatableMilliCpuAsync()
    {
        var node = await Eventually.ValueAsync(() => ReadNodeAsync(), Timeout, "the node");
        return ResourceAmounts.From(node.Status!.Allocatable).MilliCpu;
    }

    private async Task<Node?> ReadNodeAsync() =>
        await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Node>(cluster.Http, $"/api/v1/nodes/{Node}", Platform.Api.Serialization.ApiJson.Options);

    private async Task DeleteAllAsync(IEnumerable<string> names)
    {
        await Task.WhenAll(names.Select(n => cluster.Http.DeleteAsync($"/api/v1/namespaces/default/pods/{n}")));
        foreach (var name in names)
        {
            await Eventually.TrueAsync(async () => await ClusterApi.GetPodAsync(cluster.Http, name) is null, Timeout, $"pod {name} to be gone");
        }
    }
}
