using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Output;

public class PodStatusTextTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void RunningPodShowsItsPhase() =>
        Assert.Equal("Running", PodStatusText.For(TestObjects.Pod("p", Minute, TestObjects.Running())));

    [Fact]
    public void PodWithoutStatusIsPending() =>
        Assert.Equal("Pending", PodStatusText.For(TestObjects.Pod("p", Minute)));

    [Fact]
    public void DeletionTimestampShowsTerminating()
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Running());
        pod.Metadata.DeletionTimestamp = TestObjects.Now;

        Assert.Equal("Terminating", PodStatusText.For(pod));
    }

    [Fact]
    public void PodReasonWinsOverContainerStates()
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Terminated(1)).WithPhase(PodPhases.Failed);
        pod.Status!.Reason = "Evicted";

        Assert.Equal("Evicted", PodStatusText.For(pod));
    }

    [Theory]
    [InlineData(0, null, "Completed")]
    [InlineData(1, null, "Error")]
    [InlineData(137, "OOMKilled", "OOMKilled")]
    public void TerminatedContainerGivesItsReasonOrOutcome(int exitCode, string? reason, string expected)
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Terminated(exitCode, reason)).WithPhase(PodPhases.Failed);

        Assert.Equal(expected, PodStatusText.For(pod));
    }

    [Fact]
    public void WaitingContainerGivesItsReason()
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Waiting("ImagePullBackOff")).WithPhase(PodPhases.Pending);

        Assert.Equal("ImagePullBackOff", PodStatusText.For(pod));
    }

    [Fact]
    public void CompletedSidecarDoesNotHideARunningContainer()
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Terminated(0, name: "init"), TestObjects.Running("app"));

        Assert.Equal("Running", PodStatusText.For(pod));
    }

    [Fact]
    public void FailedContainerShowsEvenWhenAnotherRuns()
    {
        var pod = TestObjects.Pod("p", Minute, TestObjects.Running("app"), TestObjects.Terminated(2, name: "sidecar"));

        Assert.Equal("Error", PodStatusText.For(pod));
    }
}
