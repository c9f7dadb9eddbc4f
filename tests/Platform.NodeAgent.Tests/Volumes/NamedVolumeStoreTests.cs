using Platform.Api.Model;
using Platform.Contracts;
using Platform.NodeAgent.Pods;
using Platform.NodeAgent.Volumes;

namespace Platform.NodeAgent.Tests.Volumes;


/// <summary>Named volumes on a real directory: created on first use, listed with size and users, removed when unused.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NamedVolumeStoreTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("named-volumes-").FullName;
    private readonly PodStore pods;
    private readonly NamedVolumeStore volumes;

    public NamedVolumeStoreTests()
    {
        var settings = new NodeAgentSettings("node-1", new Uri("http://127.0.0.1:1"), new Uri("amqp://127.0.0.1:1/"), home, TimeSpan.FromSeconds(1), "process", "/bin/false", "127.0.0.1:5000");
        pods = new PodStore(settings);
        volumes = new NamedVolumeStore(settings, pods);
    }

    public void Dispose() => Directory.Delete(home, recursive: true);

    [Fact]
    public async Task A_volume_is_created_once_and_listed_with_its_size_and_the_pods_that_claim_it()
    {
        var data = await volumes.EnsureAsync("team-a", "db", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(data, "rows"), "0123456789", CancellationToken.None);
        Assert.Equal(data, await volumes.EnsureAsync("team-a", "db", CancellationToken.None));
        await pods.SavePodAsync(PodClaiming("team-a", "db"), CancellationToken.None);
        await pods.SavePodAsync(PodClaiming("team-b", "db"), CancellationToken.None);

        var volume = Assert.Single(volumes.List());

        Assert.Equal(("team-a", "db"), (volume.Metadata.Namespace, volume.Metadata.Name));
        Assert.Equal("node-1", volume.Status.NodeName);
        Assert.Equal(10, volume.Status.SizeBytes);
        Assert.Equal(["team-a/user-of-db"], volume.Status.Users);
        Assert.Equal((UnixFileMode)0x1ff, File.GetUnixFileMode(data));
    }

    [Fact]
    public async Task Removal_is_refused_while_a_pod_claims_the_volume_and_works_after()
    {
        await volumes.EnsureAsync("default", "cache", CancellationToken.None);
        var pod = PodClaiming("default", "cache");
        await pods.SavePodAsync(pod, CancellationToken.None);

        var refused = await volumes.RemoveAsync("default", "cache", CancellationToken.None);
        pods.Delete(pod.Uid);
        var removed = await volumes.RemoveAsync("default", "cache", CancellationToken.None);
        var again = await volumes.RemoveAsync("default", "cache", CancellationToken.None);

        Assert.Equal(NamedVolumeStore.RemoveOutcome.InUse, refused.Outcome);
        Assert.Equal(["default/user-of-cache"], refused.Users);
        Assert.Equal(NamedVolumeStore.RemoveOutcome.Removed, removed.Outcome);
        Assert.Equal(NamedVolumeStore.RemoveOutcome.NotFound, again.Outcome);
        Assert.Empty(volumes.List());
        Assert.Empty(Directory.GetDirectories(volumes.Root).SelectMany(Directory.GetFileSystemEntries));
    }

    private static StartPod PodClaiming(string ns, string claim) => new(ns, $"user-of-{claim}", Guid.NewGuid().ToString(), "node-1", new PodSpec
    {
        Containers = [new Container { Name = "c", Image = "busybox" }],
        Volumes = [new Volume { Name = "v", PersistentVolumeClaim = new() { ClaimName = claim } }],
    });
}
