using Platform.Api.Model;
using Platform.EndToEnd.Tests.Infrastructure;
using Platform.EndToEnd.Tests.Pods;

namespace Platform.EndToEnd.Tests.Resilience;

/// <summary>RabbitMQ goes away and comes back: no submitted pod is lost, none runs twice.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BrokerRestartTests(PlatformCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Pods_submitted_before_and_during_a_broker_restart_each_run_exactly_once()
    {
        // Every run of a container appends to the same log file, so a second run would show as a second line.
        await cluster.Cli.RunAsync(Manifests.Pod("running-during-restart", "echo run; sleep 8"), "apply", "-f", "-");
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-during-restart", PodPhases.Running, Timeout);

        await cluster.RabbitMq.StopAsync();
        var submitted = await cluster.Cli.RunAsync(Manifests.Pod("submitted-during-outage", "echo run"), "apply", "-f", "-");
        await cluster.RabbitMq.StartAsync();

        Assert.Equal(0, submitted.ExitCode);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "running-during-restart", PodPhases.Succeeded, Timeout);
        await ClusterApi.WaitForPhaseAsync(cluster.Http, "submitted-during-outage", PodPhases.Succeeded, Timeout);
        Assert.Equal("run\n", (await cluster.Cli.RunAsync(null, "logs", "running-during-restart")).Output);
        Assert.Equal("run\n", (await cluster.Cli.RunAsync(null, "logs", "submitted-during-outage")).Output);
    }
}
