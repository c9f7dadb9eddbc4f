using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>podman, a real registry client, pulls busybox from the platform's image store and runs it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PodmanClientTests(PlatformCluster cluster)
{
    [Fact]
    public async Task Podman_pulls_an_image_from_the_image_store_and_runs_it()
    {
        var image = $"{cluster.Registry}/busybox:latest";
        try
        {
            var pull = await Podman("pull", "--tls-verify=false", image);
            Assert.True(pull.ExitCode == 0, pull.Output);

            // runc, not crun: crun refuses this machine's hybrid cgroup layout; podman's default ulimits exceed the hard limits here.
            var run = await Podman("run", "--rm", "--network", "none", "--ulimit", "nproc=1000:1000", "--ulimit", "nofile=1024:1024", image, "sh", "-c", "echo hello from podman");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal("hello from podman\n", run.Output);
        }
        finally
        {
            await Podman("rmi", "--force", image);
        }
    }

    private static async Task<(int ExitCode, string Output)> Podman(params string[] arguments)
    {
        var result = await Tool.RunAsync("podman", ["--runtime", "runc", .. arguments]);
        return (result.ExitCode, result.ExitCode == 0 ? result.Output : result.Output + result.Errors);
    }
}
