using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Pods;

/// <summary>securityContext seen from inside real containers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SecurityContextTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string Probe = "id -u; id -g; id -G; touch /written 2>/dev/null && echo root-writable || echo root-read-only; grep -E ^CapBnd /proc/self/status; grep NoNewPrivs /proc/self/status; echo ok > /scratch/file && echo volume-writable";

    [Fact]
    public async Task User_group_read_only_root_capabilities_and_no_new_privs_are_what_the_pod_asked()
    {
        await ApplyAsync($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: restricted}
            spec:
              restartPolicy: Never
              terminationGracePeriodSeconds: 2
              securityContext: {runAsUser: 2000, runAsGroup: 3000, supplementalGroups: [4000]}
              volumes: [{name: scratch, emptyDir: {}}]
              containers:
              - name: main
                image: busybox:latest
                command: ["sh", "-c", "{{{Probe}}}"]
                volumeMounts: [{name: scratch, mountPath: /scratch}]
                securityContext:
                  runAsUser: 1000
                  runAsNonRoot: true
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
            """);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "restricted", PodPhases.Succeeded, Timeout);

        Assert.Equal(
            "1000\n3000\n3000 4000\nroot-read-only\nCapBnd:\t0000000000000400\nNoNewPrivs:\t1\nvolume-writable\n",
            (await cluster.Cli.RunAsync(null, "logs", "restricted")).Output);
        await DeleteAsync("restricted");
    }

    [Fact]
    public async Task Without_a_security_context_a_container_runs_as_root_with_dockers_defaults()
    {
        await ApplyAsync(VolumeTests.PodWithVolumes("unrestricted", Probe, "{name: scratch, emptyDir: {}}", "{name: scratch, mountPath: /scratch}"));
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "unrestricted", PodPhases.Succeeded, Timeout);

        Assert.Equal(
            "0\n0\n0\nroot-writable\nCapBnd:\t00000000a80425fb\nNoNewPrivs:\t0\nvolume-writable\n",
            (await cluster.Cli.RunAsync(null, "logs", "unrestricted")).Output);
        await DeleteAsync("unrestricted");
    }

    [Fact]
    public async Task RunAsNonRoot_refuses_to_start_a_root_container_with_a_clear_reason()
    {
        await ApplyAsync(VolumeTests.PodWithVolumes("would-be-root", "echo ran", "{name: scratch, emptyDir: {}}", "{name: scratch, mountPath: /scratch}", "{runAsNonRoot: true}"));

        var pod = await ClusterApi.WaitForPhaseAsync(cluster.Http, "would-be-root", PodPhases.Failed, Timeout);

        var terminated = pod.Status!.ContainerStatuses!.Single().State!.Terminated!;
        Assert.Equal("CreateContainerConfigError", terminated.Reason);
        Assert.Equal("container has runAsNonRoot and image will run as root (pod: \"would-be-root\", container: main)", terminated.Message);
        Assert.Equal(string.Empty, (await cluster.Cli.RunAsync(null, "logs", "would-be-root")).Output);
        await DeleteAsync("would-be-root");
    }

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
}
