using System.Net;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.Networking;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>
/// Pods on the node's network: an address from the cluster's subnet in status, a busybox httpd reached
/// by another pod by name, a published host port reached from the host, nothing left after delete,
/// and a taken host port failing the pod with nothing left behind.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PodNetworkingTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pod_serves_another_pod_by_name_and_the_host_on_its_published_port_and_leaves_nothing_when_deleted()
    {
        var hostPort = FreePorts.Next();
        await Apply(WebServer("web", hostPort));
        var web = await ClusterApi.WaitForPhaseAsync(cluster.Http, "web", PodPhases.Running, Timeout);
        await Apply(Manifests.Pod("client", "wget -q -O- http://web:8080/; wget -q -O- http://web.default.pod.cluster.local:8080/"));
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "client", PodPhases.Succeeded, Timeout);

        var fromPod = (await cluster.Cli.RunAsync(null, "logs", "client")).Output;
        var fromHost = await Eventually.ValueAsync(() => GetOrNullAsync($"http://127.0.0.1:{hostPort}/"), Timeout, "the published port to answer");
        var wide = (await cluster.Cli.RunAsync(null, "get", "pods", "web", "-o", "wide")).Output;

        var podIp = web.Status!.PodIP!;
        Assert.True(Ipv4Subnet.Parse(cluster.PodSubnet).Contains(IPAddress.Parse(podIp)), $"{podIp} is not in {cluster.PodSubnet}");
        Assert.Equal([podIp], web.Status.PodIPs!.Select(p => p.Ip));
        Assert.Equal("127.0.0.1", web.Status.HostIP);
        Assert.Equal("hello from web\nhello from web\n", fromPod);
        Assert.Equal("hello from web\n", fromHost);
        Assert.Contains($" {podIp} ", wide);

        var uid = web.Metadata.Uid!;
        await Delete("web");
        await Delete("client");

        Assert.DoesNotContain(HostVethOf(uid), (await Tool.RunAsync("ip", ["-o", "link", "show"])).Output);
        Assert.False(File.Exists(Path.Combine(cluster.NodeDirectory, "network", "netns", uid)), "the pod's network namespace was left");
        Assert.False(File.Exists(Path.Combine(cluster.NodeDirectory, "network", "addresses", podIp)), "the pod's address was not released");
        Assert.Null(await GetOrNullAsync($"http://127.0.0.1:{hostPort}/"));
    }

    [Fact]
    public async Task A_host_port_already_taken_fails_the_pod_with_a_clear_reason_and_leaves_nothing()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Apply(WebServer("port-clash", port));
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "port-clash", PodPhases.Failed, Timeout);

        Assert.Equal("HostPortInUse", pod.Status!.Reason);
        Assert.Equal($"hostPort {port} on 127.0.0.1 is already in use", pod.Status.Message);
        Assert.Equal("HostPortInUse", pod.Status.ContainerStatuses!.Single().State!.Terminated!.Reason);
        var uid = pod.Metadata.Uid!;
        Assert.False(File.Exists(Path.Combine(cluster.NodeDirectory, "network", "netns", uid)), "a network namespace was left");
        Assert.False(Directory.Exists(Path.Combine(cluster.NodeDirectory, "network", "pods", uid)), "the sandbox record was left");
        Assert.DoesNotContain(HostVethOf(uid), (await Tool.RunAsync("ip", ["-o", "link", "show"])).Output);
        await Delete("port-clash");
    }

    [Fact]
    public async Task The_containers_of_a_pod_share_its_network()
    {
        await Apply("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: two-containers
            spec:
              restartPolicy: Never
              terminationGracePeriodSeconds: 1
              containers:
                - name: server
                  image: busybox:latest
                  command: ["sh", "-c", "mkdir -p /www && echo 'same pod' > /www/index.html && exec httpd -f -p 8080 -h /www"]
                - name: probe
                  image: busybox:latest
                  command: ["sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O- http://127.0.0.1:8080/ 2>/dev/null && exit 0; sleep 0.5; done; exit 1"]
            """);

        var pod = await Eventually.ValueAsync(
            async () => await ClusterApi.GetPodAsync(cluster.Http, "two-containers") is { } p
                && p.Status?.ContainerStatuses?.SingleOrDefault(c => c.Name == "probe")?.State?.Terminated is not null ? p : null,
            Timeout, "the probe container to end");

        Assert.Equal(0, pod.Status!.ContainerStatuses!.Single(c => c.Name == "probe").State!.Terminated!.ExitCode);
        Assert.Equal("same pod\n", (await cluster.Cli.RunAsync(null, "logs", "two-containers", "-c", "probe")).Output);
        await Delete("two-containers");
    }

    [Fact]
    public async Task A_pod_on_the_host_network_sees_the_hosts_links_and_has_the_hosts_address()
    {
        await Apply("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: host-network
            spec:
              hostNetwork: true
              restartPolicy: Never
              containers:
                - name: main
                  image: busybox:latest
                  command: ["sh", "-c", "cat /proc/net/dev"]
            """);

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "host-network", PodPhases.Succeeded, Timeout);

        Assert.Equal(pod.Status!.HostIP, pod.Status.PodIP);
        Assert.Contains($"{cluster.Bridge}:", (await cluster.Cli.RunAsync(null, "logs", "host-network")).Output);
        await Delete("host-network");
    }

    private static string WebServer(string name, int hostPort) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 1
          containers:
            - name: httpd
              image: busybox:latest
              command: ["sh", "-c", "mkdir -p /www && echo 'hello from web' > /www/index.html && exec httpd -f -p 8080 -h /www"]
              ports:
                - name: http
                  containerPort: 8080
                  hostPort: {hostPort}
        """;

    private static string HostVethOf(string uid) => "pv" + uid.Replace("-", "", StringComparison.Ordinal)[..12];

    private async Task Apply(string manifest)
    {
        var result = await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Errors);
    }

    private async Task Delete(string name)
    {
        var result = await cluster.Cli.RunAsync(null, "delete", "pod", name);
        Assert.True(result.ExitCode == 0, result.Errors);
    }

    private static async Task<string?> GetOrNullAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return await http.GetStringAsync(url);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
