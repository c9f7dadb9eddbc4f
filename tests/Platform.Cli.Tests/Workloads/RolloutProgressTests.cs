using Platform.Api.Model;
using Platform.Cli.Commands.Rollout;
using Platform.Cli.Resources;

namespace Platform.Cli.Tests.Workloads;

/// <summary>kubectl rollout status's messages, rule by rule.</summary>
public class RolloutProgressTests
{
    [Theory]
    [InlineData(2, 1, "Waiting for deployment spec update to be observed...")]
    [InlineData(1, 1, "deployment \"web\" successfully rolled out")]
    public void TheSpecMustBeObservedFirst(long generation, long observed, string message)
    {
        var progress = Of(WorkloadJson.Deployment(generation: generation, observed: observed));

        Assert.Equal(message, progress.Message);
    }

    [Theory]
    [InlineData(1, 3, 0, "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...")]
    [InlineData(3, 4, 2, "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...")]
    [InlineData(3, 3, 1, "Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are available...")]
    public void EachWaitingRuleIsWordedAsKubectlWordsIt(int updated, int total, int available, string message)
    {
        var progress = Of(WorkloadJson.Deployment(replicas: 3, updated: updated, total: total, available: available));

        Assert.Equal((message, false, false), (progress.Message, progress.Done, progress.Failed));
    }

    [Fact]
    public void APassedProgressDeadlineFails()
    {
        var progress = Of(WorkloadJson.Deployment(updated: 1, progressingReason: "ProgressDeadlineExceeded"));

        Assert.Equal(("deployment \"web\" exceeded its progress deadline", true), (progress.Message, progress.Failed));
    }

    private static RolloutProgress Of(System.Text.Json.Nodes.JsonNode deployment) => RolloutProgress.Of(ApiObjects.As<Deployment>(deployment));
}
