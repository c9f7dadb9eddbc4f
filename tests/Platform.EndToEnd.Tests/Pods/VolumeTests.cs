using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>Volumes seen from inside real containers: named volumes, hostPath, emptyDir on disk and in memory.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VolumeTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_named_volume_outlives_its_pod_is_listed_and_is_removed_only_once_no_pod_uses_it()
    {
        var claim = "shared-" + Guid.NewGuid().ToString("N")[..6];
        await ApplyAsync(PodWithVolumes("vol-writer", "echo kept > /data/greeting; echo written", $"{{name: data, persistentVolumeClaim: {{claimName: {claim}}}}}", "{name: data, mountPath: /data}"));
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "vol-writer", PodPhases.Succeeded, Timeout);
        await ApplyAsync(PodWithVolumes("vol-reader", "cat /data/greeting; (echo x > /data/other) 2>/dev/null || echo read-only", $"{{name: data, persistentVolumeClaim: {{claimName: {claim}, readOnly: true}}}}", "{name: data, mountPath: /data}"));
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "vol-reader", PodPhases.Succeeded, Timeout);

        Assert.Equal("kept\nread-only\n", (await cluster.Cli.RunAsync(null, "logs", "vol-reader")).Output);
        var listing = await cluster.Cli.RunAsync(null, "volume", "ls");
        var row = Assert.Single(listing.Output.Split('\n'), line => line.StartsWith(claim + " ", StringComparison.Ordinal));
        Assert.Matches($@"^{claim}\s+{PlatformCluster.NodeName}\s+5B\s+vol-writer,vol-reader\s+\d+s$", row.Replace("vol-reader,vol-writer", "vol-writer,vol-reader", StringComparison.Ordinal));

        var refused = await cluster.Cli.RunAsync(null, "volume", "rm", claim);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"volume \"{claim}\" cannot be removed from node {PlatformCluster.NodeName}: volume default/{claim} is in use by pod", refused.Errors, StringComparison.Ordinal);
        Assert.Single(refused.Errors.Trim().Split('\n'));
        Assert.True(Directory.Exists(VolumeDirectory(claim)));

        await DeleteAsync("vol-writer");
        await DeleteAsync("vol-reader");
        var removed = await cluster.Cli.RunAsync(null, "volume", "rm", claim);

        Assert.Equal(0, removed.ExitCode);
        Assert.Equal($"volume \"{claim}\" removed\n", removed.Output);
        Assert.False(Directory.Exists(VolumeDirectory(claim)));
        Assert.DoesNotContain(claim, (await cluster.Cli.RunAsync(null, "volume", "ls")).Output, StringComparison.Ordinal);
        using var again = await cluster.Http.DeleteAsync($"/apis/platform.io/v1/namespaces/default/volumes/{claim}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_hostPath_mounted_read_only_is_read_but_cannot_be_written()
    {
        var host = Directory.CreateTempSubdirectory("platform-e2e-hostpath-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(host, "config"), "from-host\n");
            await ApplyAsync(PodWithVolumes("hostpath-ro", "cat /etc/app/config; (echo x > /etc/app/config) 2>/dev/null && echo wrote || echo refused", $"{{name: app, hostPath: {{path: {host}, type: Directory}}}}", "{name: app, mountPath: /etc/app, readOnly: true}"));
            await ClusterApi.WaitForPhaseAsync(cluster.Http, "hostpath-ro", PodPhases.Succeeded, Timeout);

            Assert.Equal("from-host\nrefused\n", (await cluster.Cli.RunAsync(null, "logs", "hostpath-ro")).Output);
            Assert.Equal("from-host\n", await File.ReadAllTextAsync(Path.Combine(host, "config")));
            await DeleteAsync("hostpath-ro");
            Assert.Equal("from-host\n", await File.ReadAllTextAsync(Path.Combine(host, "config")));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [Fact]
    public async Task A_hostPath_of_the_wrong_type_fails_the_container_with_a_reason()
    {
        var missing = "/tmp/platform-e2e-missing-" + Guid.NewGuid().ToString("N")[..8];
        await ApplyAsync(PodWithVolumes("hostpath-missing", "echo ran", $"{{name: app, hostPath: {{path: {missing}, type: Directory}}}}", "{name: app, mountPath: /app}"));

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "hostpath-missing", PodPhases.Failed, Timeout);

        var terminated = pod.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Equal("CreateContainerConfigError", terminated.Reason);
        Assert.Equal($"MountVolume.SetUp failed for volume \"app\": hostPath type check failed: {missing} does not exist", terminated.Message);
        Assert.False(Directory.Exists(missing));
        await DeleteAsync("hostpath-missing");
    }

    [Fact]
    public async Task An_emptyDir_is_shared_by_the_containers_of_a_pod_and_removed_with_it()
    {
        await ApplyAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: shared-scratch}
            spec:
              restartPolicy: Never
              terminationGracePeriodSeconds: 2
              volumes: [{name: scratch, emptyDir: {}}]
              containers:
              - {name: producer, image: busybox:latest, command: ["sh", "-c", "echo from-producer > /out/message"], volumeMounts: [{name: scratch, mountPath: /out}]}
              - {name: consumer, image: busybox:latest, command: ["sh", "-c", "while [ ! -f /in/message ]; do sleep 0.1; done; cat /in/message"], volumeMounts: [{name: scratch, mountPath: /in}]}
            """);
        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "shared-scratch", PodPhases.Succeeded, Timeout);
        var scratch = Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!, "volumes", "scratch");

        Assert.Equal("from-producer\n", (await cluster.Cli.RunAsync(null, "logs", "shared-scratch", "-c", "consumer")).Output);
        Assert.Equal("from-producer\n", await File.ReadAllTextAsync(Path.Combine(scratch, "message")));

        await DeleteAsync("shared-scratch");
        Assert.False(Directory.Exists(scratch));
    }

    [Fact]
    public async Task A_memory_emptyDir_is_a_tmpfs_of_its_size_unmounted_when_the_pod_goes()
    {
        await ApplyAsync(PodWithVolumes("memory-scratch", "grep /cache /proc/mounts | cut -d' ' -f3; df -k /cache | tail -1 | awk '{print $2}'", "{name: cache, emptyDir: {medium: Memory, sizeLimit: 16Mi}}", "{name: cache, mountPath: /cache}"));
        try
        {
            var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "memory-scratch", PodPhases.Succeeded, Timeout);
            var cache = Path.Combine(cluster.NodeDirectory, "pods", pod.Metadata.Uid!, "volumes", "cache");

            Assert.Equal("tmpfs\n16384\n", (await cluster.Cli.RunAsync(null, "logs", "memory-scratch")).Output);
            Assert.True(IsMounted(cache), "the tmpfs is mounted while the pod exists");

            await DeleteAsync("memory-scratch");
            Assert.False(IsMounted(cache), "the tmpfs was left mounted");
            Assert.False(Directory.Exists(cache));
        }
        finally
        {
            // A failed assertion must not leave the tmpfs mounted under the cluster's home.
            await cluster.Cli.RunAsync(null, "delete", "pod", "memory-scratch", "--ignore-not-found");
        }
    }

    public static TheoryData<string, string, string> BadSpecs => new()
    {
        { "unknown-volume", "volumeMounts: [{name: nope, mountPath: /x}]", "spec.containers[0].volumeMounts[0].name: Not found: \"nope\"" },
        { "relative-mount", "volumeMounts: [{name: v, mountPath: x}]", "spec.containers[0].volumeMounts[0].mountPath: Invalid value: \"x\": must be an absolute path" },
        { "subpath-escape", "volumeMounts: [{name: v, mountPath: /x, subPath: ../../etc}]", "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"../../etc\": must not contain '..'" },
        { "privileged", "securityContext: {privileged: true}", "spec.containers[0].securityContext.privileged: Forbidden: privileged containers are not supported on this platform" },
        { "bad-capability", "securityContext: {capabilities: {add: [NET_WIZARD]}}", "spec.containers[0].securityContext.capabilities.add[0]: Invalid value: \"NET_WIZARD\"" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task A_bad_volume_or_security_spec_is_refused_with_422_naming_the_field_and_nothing_is_stored(string name, string containerFields, string message)
    {
        var manifest = $$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: {{{name}}}}
            spec:
              volumes: [{name: v, emptyDir: {}}]
              containers:
              - {name: c, image: busybox:latest, {{{containerFields}}}}
            """;
        using var response = await cluster.Http.PostAsync("/api/v1/namespaces/default/pods", new StringContent(manifest, Encoding.UTF8, "application/yaml"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, status.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await ClusterApi.GetPodAsync(cluster.Http, name));
        var cli = await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains(message, cli.Errors, StringComparison.Ordinal);
    }

    internal static string PodWithVolumes(string name, string shellCommand, string volume, string mount, string? securityContext = null) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 2
          volumes: [{{volume}}]
          containers:
          - name: main
            image: busybox:latest
            command: ["sh", "-c", "{{shellCommand}}"]
            volumeMounts: [{{mount}}]
            {{(securityContext is null ? "" : "securityContext: " + securityContext)}}
        """;

    private async Task ApplyAsync(string manifest)
    {
        var result = await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Errors);
    }

    private async Task DeleteAsync(string pod)
    {
        var result = await cluster.Cli.RunAsync(null, "delete", "pod", pod);
        Assert.True(result.ExitCode == 0, result.Errors);
    }

    private string VolumeDirectory(string claim) => Path.Combine(cluster.NodeDirectory, "volumes", "default", claim);

    private static bool IsMounted(string path) =>
        File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == path);
}
