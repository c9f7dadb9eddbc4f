using Platform.Api.Model;
using Platform.Cli.Output;
using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests.Output;

public class PodColumnsTests
{
    private static readonly DateTimeOffset Now = TestObjects.Now;

    [Fact]
    public void RendersTheDefaultTable()
    {
        var text = PodColumns.Table(SamplePods(), TableOptions.Default, Now);

        Assert.Equal(
            """
            NAME      READY   STATUS             RESTARTS      AGE
            web-1     1/1     Running            0             5s
            batch     0/1     Completed          0             3m2s
            crash     0/1     CrashLoopBackOff   4 (30s ago)   12m
            old       2/2     Terminating        0             3h
            pending   0/1     Pending            0             2d

            """,
            text);
    }

    [Fact]
    public void WideAddsIPAndNode()
    {
        var pods = new[]
        {
            TestObjects.Pod("web-1", TimeSpan.FromSeconds(5), TestObjects.Running()).OnNode("node-a", "192.0.2.5").WithPodIP("10.0.0.5"),
            TestObjects.Pod("pending", TimeSpan.FromDays(2)),
        };

        var text = PodColumns.Table(pods, new TableOptions(Wide: true, WithNamespace: false), Now);

        Assert.Equal(
            """
            NAME      READY   STATUS    RESTARTS   AGE   IP         NODE
            web-1     1/1     Running   0          5s    10.0.0.5   node-a
            pending   0/1     Pending   0          2d    <none>     <none>

            """,
            text);
    }

    [Fact]
    public void AllNamespacesAddsTheNamespaceFirst()
    {
        var pod = TestObjects.Pod("web-1", TimeSpan.FromMinutes(12), TestObjects.Running());
        pod.Metadata.Namespace = "shop";

        var text = PodColumns.Table([pod], new TableOptions(Wide: false, WithNamespace: true), Now);

        Assert.Equal(
            """
            NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
            shop        web-1   1/1     Running   0          12m

            """,
            text);
    }

    [Fact]
    public void ReadyCountsReadyContainersOverDeclaredContainers()
    {
        var pod = TestObjects.Pod("p", TimeSpan.Zero, TestObjects.Running("a"), TestObjects.Waiting("ContainerCreating", "b"));

        Assert.Equal("1/2", PodColumns.Ready(pod));
    }

    private static IEnumerable<Pod> SamplePods()
    {
        yield return TestObjects.Pod("web-1", TimeSpan.FromSeconds(5), TestObjects.Running()).OnNode("node-a", "10.0.0.5");
        yield return TestObjects.Pod("batch", TimeSpan.FromSeconds(182), TestObjects.Terminated(0)).WithPhase(PodPhases.Succeeded);
        yield return CrashingPod();
        yield return TerminatingPod();
        yield return TestObjects.Pod("pending", TimeSpan.FromDays(2));
    }

    private static Pod CrashingPod()
    {
        var status = TestObjects.Waiting("CrashLoopBackOff");
        status.RestartCount = 4;
        status.LastState = new ContainerState
        {
            Terminated = new ContainerStateTerminated { ExitCode = 1, FinishedAt = Now.AddSeconds(-30) },
        };
        return TestObjects.Pod("crash", TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(40), status);
    }

    private static Pod TerminatingPod()
    {
        var pod = TestObjects.Pod("old", TimeSpan.FromHours(3), TestObjects.Running("a"), TestObjects.Running("b"));
        pod.Metadata.DeletionTimestamp = Now;
        return pod;
    }
}
