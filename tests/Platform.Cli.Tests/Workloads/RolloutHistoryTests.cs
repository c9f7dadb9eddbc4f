using System.Text.Json.Nodes;
using Platform.Cli.Commands;
using Platform.Cli.Commands.Rollout;
using Platform.Cli.Resources;

namespace Platform.Cli.Tests.Workloads;

/// <summary>rollout history's table and detail, undo's choice of revision and its patch, restart's patch.</summary>
public class RolloutHistoryTests
{
    private static readonly ManifestTarget Web = new(ResourceKinds.Deployment, "default", "web");

    [Fact]
    public void HistoryListsTheRevisionsOfTheOwnedReplicaSetsInOrder()
    {
        var revisions = RolloutHistory.Revisions(WorkloadJson.Deployment(), [
            WorkloadJson.ReplicaSet("web-b", 2, "v2", changeCause: "platformctl set image v2"),
            WorkloadJson.ReplicaSet("web-a", 1, "v1"),
            WorkloadJson.ReplicaSet("other-a", 7, "v1", owner: "uid-other"),
        ]);

        Assert.Equal(
            """
            deployment.apps/web 
            REVISION   CHANGE-CAUSE
            1          <none>
            2          platformctl set image v2


            """,
            RolloutHistory.Table(Web.Display, revisions));
    }

    [Fact]
    public void ARevisionsDetailIsItsPodTemplateWithoutTheHashLabel()
    {
        var text = RolloutHistory.Detail(Web.Display, 1, WorkloadJson.ReplicaSet("web-a", 1, "v1"));

        Assert.StartsWith("deployment.apps/web with revision #1\nPod Template:\n  metadata:\n    labels:\n      app: web\n", text, StringComparison.Ordinal);
        Assert.Contains("value: v1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pod-template-hash", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    public void UndoGoesToTheRevisionAskedForOrTheNewestButOne(long wanted, long chosen)
    {
        Assert.Equal(chosen, RolloutUndoCommand.Choose([1, 3, 2], wanted, Web));
    }

    [Fact]
    public void UndoRefusesARevisionThatIsNotInTheHistory()
    {
        var missing = Assert.Throws<CliException>(() => RolloutUndoCommand.Choose([1, 2], 9, Web));
        var alone = Assert.Throws<CliException>(() => RolloutUndoCommand.Choose([1], 0, Web));

        Assert.Equal("unable to find specified revision 9 in history of deployment.apps/web", missing.Message);
        Assert.Equal("no rollout history found for deployment.apps/web: it has no previous revision", alone.Message);
    }

    [Fact]
    public void TheRollbackPatchReplacesTemplateAndAnnotationsKeepingTheDeploymentsBookkeeping()
    {
        var patch = RollbackPatch.Create(WorkloadJson.Deployment(), WorkloadJson.ReplicaSet("web-a", 1, "v1", changeCause: "first"));

        Assert.Equal(
            """[{"op":"replace","path":"/spec/template","value":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"main","image":"busybox:latest","env":[{"name":"VERSION","value":"v1"}]}]}}},"""
            + """{"op":"replace","path":"/metadata/annotations","value":{"kubectl.kubernetes.io/last-applied-configuration":"{}","deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"first"}}]""",
            patch.ToJsonString());
    }

    [Fact]
    public void ARollbackToTheRunningTemplateIsSeenAsSuch()
    {
        Assert.True(RollbackPatch.Matches(WorkloadJson.Deployment(), WorkloadJson.ReplicaSet("web-b", 2, "v2")));
        Assert.False(RollbackPatch.Matches(WorkloadJson.Deployment(), WorkloadJson.ReplicaSet("web-a", 1, "v1")));
    }

    [Fact]
    public void RestartStampsThePodTemplateWithKubectlsAnnotation()
    {
        var patch = RolloutRestartCommand.Patch(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)));

        Assert.Equal("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-01-02T01:04:05Z"}}}}}""", patch.ToJsonString());
    }
}
