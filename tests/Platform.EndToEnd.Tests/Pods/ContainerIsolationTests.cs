using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>A pod runs as a real container: its image as root filesystem, its own namespaces, its limits.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ContainerIsolationTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pod_sees_itself_as_pid_1_named_after_the_pod_on_its_images_root_filesystem()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("isolated", "echo pid=$$ host=$(hostname); ls /; ls /proc > /tmp/p; n=0; while read e; do case $e in [0-9]*) n=$((n+1));; esac; done < /tmp/p; echo processes=$n"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "isolated", PodPhases.Succeeded, Timeout);

        var logs = (await cluster.Cli.RunAsync(null, "logs", "isolated")).Output;

        Assert.Equal("pid=1 host=isolated\nbin\ndev\netc\nproc\nroot\nsys\ntmp\nusr\nprocesses=2\n", logs);
    }

    [Fact]
    public async Task A_container_over_its_memory_limit_is_OOMKilled()
    {
        var manifest = Manifests.Pod("over-memory", "exec tail -c 150000000 /dev/zero", memoryLimit: "32Mi");
        Assert.Equal(0, (await cluster.Cli.RunAsync(manifest, "apply", "-f", "-")).ExitCode);

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "over-memory", PodPhases.Failed, Timeout);

        var terminated = pod.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Equal("OOMKilled", terminated.Reason);
        Assert.Equal(137, terminated.ExitCode);
    }

    [Fact]
    public async Task Writes_land_in_the_containers_own_layer_never_in_the_shared_image_layers()
    {
        await cluster.Cli.RunAsync(Manifests.Pod("writer", "echo changed > /etc/passwd; rm /bin/ls; echo wrote"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "writer", PodPhases.Succeeded, Timeout);
        await cluster.Cli.RunAsync(Manifests.Pod("reader", "head -1 /etc/passwd; ls /bin/ls"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "reader", PodPhases.Succeeded, Timeout);

        Assert.Equal("root:x:0:0:root:/root:/bin/sh\n/bin/ls\n", (await cluster.Cli.RunAsync(null, "logs", "reader")).Output);
        // The node may also hold layers of images other tests built; busybox's own layer must be untouched.
        var layers = Directory.GetDirectories(Path.Combine(cluster.NodeDirectory, "images", "layers", "sha256"))
            .Where(layer => File.Exists(Path.Combine(layer, "bin", "busybox")))
            .ToList();
        Assert.NotEmpty(layers);
        Assert.All(layers, layer =>
        {
            Assert.StartsWith("root:x:0:0:", File.ReadAllText(Path.Combine(layer, "etc", "passwd")), StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(layer, "bin", "ls")).Exists);
        });
    }
}
