using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>platformctl's workload verbs against the real gateway: get -w, scale, rollout status/history/undo/restart.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CliWorkloadTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Get_watch_prints_a_row_for_each_change_as_a_deployment_scales_and_ends_cleanly_on_ctrl_c()
    {
        await ApplyAsync(WorkloadManifests.Deployment("wcli", 1));
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "wcli", Timeout);

        using var deployments = cluster.Cli.Start("get", "deploy", "wcli", "-w");
        using var pods = cluster.Cli.Start("get", "pods", "-l", "app=wcli", "--watch-only");
        await deployments.WaitForLineAsync(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$", Timeout);
        var listed = await deployments.WaitForLineAsync(@"^wcli\s+1/1\s+1\s+1\s+\S+$", Timeout);

        var scaled = await cluster.Cli.RunAsync(null, "scale", "deployment", "wcli", "--replicas", "3");
        Assert.Equal((0, "deployment.apps/wcli scaled\n"), (scaled.ExitCode, scaled.Output));

        // Rows come as the controller works: the new desired count first, then the pods becoming available.
        var wanted = await deployments.WaitForLineAsync(@"^wcli\s+\d/3\s", Timeout, listed + 1);
        await deployments.WaitForLineAsync(@"^wcli\s+3/3\s+3\s+3\s+\S+$", Timeout, wanted);
        await pods.WaitForLineAsync(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", Timeout);
        await pods.WaitForLineAsync(@"^wcli-\S+\s+1/1\s+Running\s", Timeout);

        var (exitCode, errors) = await deployments.InterruptAsync(Timeout);
        Assert.Equal((0, string.Empty), (exitCode, errors));
        Assert.Equal(0, (await pods.InterruptAsync(Timeout)).ExitCode);
        await DeleteAsync("wcli");
    }

    [Fact]
    public async Task Scale_checks_its_precondition_and_names_what_is_missing()
    {
        await ApplyAsync(WorkloadManifests.Deployment("scli", 2));

        var refused = await cluster.Cli.RunAsync(null, "scale", "deploy/scli", "--current-replicas", "5", "--replicas", "1");
        var scaled = await cluster.Cli.RunAsync(null, "scale", "deploy/scli", "--current-replicas", "2", "--replicas", "1");
        var missing = await cluster.Cli.RunAsync(null, "scale", "deployment", "nope", "--replicas", "1");

        Assert.Equal((1, "error: Expected replicas to be 5, was 2 (deployment.apps/scli not scaled)\n"), (refused.ExitCode, refused.Errors));
        Assert.Equal((0, "deployment.apps/scli scaled\n"), (scaled.ExitCode, scaled.Output));
        Assert.Equal((1, "Error from server (NotFound): deployments.apps \"nope\" not found\n"), (missing.ExitCode, missing.Errors));
        var deployment = await WorkloadApi.WaitForRolloutAsync(cluster.Http, "scli", Timeout);
        Assert.Equal(1, deployment.Spec.Replicas);
        await DeleteAsync("scli");
    }

    [Fact]
    public async Task Rollout_status_follows_an_update_history_lists_it_and_undo_brings_the_old_template_back()
    {
        await ApplyAsync(WorkloadManifests.Deployment("rcli", 2, "v1"));
        var first = await cluster.Cli.RunAsync(null, "rollout", "status", "deployment/rcli", "--timeout", "90s");
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.EndsWith("deployment \"rcli\" successfully rolled out\n", first.Output, StringComparison.Ordinal);

        await ApplyAsync(WorkloadManifests.Deployment("rcli", 2, "v2"));
        var second = await cluster.Cli.RunAsync(null, "rollout", "status", "deploy/rcli");
        Assert.True(second.ExitCode == 0, second.Errors);
        // (The waiting lines may not come at all: busybox pods start fast. The timeout test sees them.)
        Assert.EndsWith("deployment \"rcli\" successfully rolled out\n", second.Output, StringComparison.Ordinal);

        var history = await cluster.Cli.RunAsync(null, "rollout", "history", "deployment/rcli");
        Assert.Matches(@"^deployment\.apps/rcli \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n$", history.Output);

        var undo = await cluster.Cli.RunAsync(null, "rollout", "undo", "deployment/rcli");
        Assert.Equal((0, "deployment.apps/rcli rolled back\n"), (undo.ExitCode, undo.Output));
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "rollout", "status", "deployment/rcli")).ExitCode);
        await WorkloadApi.WaitForRolloutAsync(cluster.Http, "rcli", Timeout);
        var staying = (await WorkloadApi.PodsAsync(cluster.Http, "app=rcli")).Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(2, staying.Count);
        Assert.All(staying, p => Assert.Equal("v1", p.Spec.Containers[0].Env![0].Value));

        // Revision 1's ReplicaSet is the newest revision again (3); asking for the old number is refused.
        var after = await cluster.Cli.RunAsync(null, "rollout", "history", "deploy/rcli");
        Assert.Matches(@"\n2\s+<none>\n3\s+<none>\n", after.Output);
        var detail = await cluster.Cli.RunAsync(null, "rollout", "history", "deploy/rcli", "--revision", "3");
        Assert.StartsWith("deployment.apps/rcli with revision #3\nPod Template:\n", detail.Output, StringComparison.Ordinal);
        Assert.Contains("value: v1", detail.Output, StringComparison.Ordinal);
        var gone = await cluster.Cli.RunAsync(null, "rollout", "undo", "deploy/rcli", "--to-revision", "1");
        Assert.Equal((1, "error: unable to find specified revision 1 in history of deployment.apps/rcli\n"), (gone.ExitCode, gone.Errors));
        var same = await cluster.Cli.RunAsync(null, "rollout", "undo", "deploy/rcli", "--to-revision", "3");
        Assert.Equal("deployment.apps/rcli skipped rollback (current template already matches revision 3)\n", same.Output);

        var restart = await cluster.Cli.RunAsync(null, "rollout", "restart", "deploy/rcli");
        Assert.Equal((0, "deployment.apps/rcli restarted\n"), (restart.ExitCode, restart.Output));
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "rollout", "status", "deploy/rcli")).ExitCode);
        var restarted = await cluster.Cli.RunAsync(null, "get", "deploy", "rcli", "-o", "jsonpath={.spec.template.metadata.annotations}");
        Assert.Contains("kubectl.kubernetes.io/restartedAt", restarted.Output, StringComparison.Ordinal);
        await DeleteAsync("rcli");
    }

    [Fact]
    public async Task Rollout_status_gives_up_with_exit_code_1_when_its_timeout_runs_out_and_pause_holds_a_rollout()
    {
        await ApplyAsync(WorkloadManifests.Deployment("tcli", 1).Replace("image: busybox:latest", "image: no-such-image:1", StringComparison.Ordinal));

        var status = await cluster.Cli.RunAsync(null, "rollout", "status", "deploy/tcli", "--timeout", "2s");

        Assert.Equal(1, status.ExitCode);
        Assert.Equal("error: timed out waiting for the rollout of deployment \"tcli\" to finish (--timeout 2s)\n", status.Errors);
        // Either of kubectl's waiting lines: the new generation not yet observed, or the rollout not yet finished.
        Assert.StartsWith("Waiting for deployment ", status.Output, StringComparison.Ordinal);

        Assert.Equal("deployment.apps/tcli paused\n", (await cluster.Cli.RunAsync(null, "rollout", "pause", "deploy/tcli")).Output);
        var again = await cluster.Cli.RunAsync(null, "rollout", "pause", "deploy/tcli");
        Assert.Equal((1, "error: deployments.apps \"tcli\" is already paused\n"), (again.ExitCode, again.Errors));
        var undo = await cluster.Cli.RunAsync(null, "rollout", "undo", "deploy/tcli");
        Assert.Equal(1, undo.ExitCode);
        Assert.StartsWith("error: you cannot rollback a paused deployment", undo.Errors, StringComparison.Ordinal);
        Assert.Equal("deployment.apps/tcli resumed\n", (await cluster.Cli.RunAsync(null, "rollout", "resume", "deploy/tcli")).Output);
        await DeleteAsync("tcli");
    }

    private async Task ApplyAsync(string manifest)
    {
        var applied = await cluster.Cli.RunAsync(manifest, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.Errors);
    }

    private async Task DeleteAsync(string name)
    {
        Assert.Equal(0, (await cluster.Cli.RunAsync(null, "delete", "deployment", name)).ExitCode);
        await WorkloadApi.WaitForPodCountAsync(cluster.Http, $"app={name}", 0, Timeout);
    }
}
