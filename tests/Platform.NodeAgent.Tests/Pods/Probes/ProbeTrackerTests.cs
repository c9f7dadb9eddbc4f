using Platform.Api.Model;
using Platform.NodeAgent.Pods.Probes;

namespace Platform.NodeAgent.Tests.Pods.Probes;

public class ProbeTrackerTests
{
    private static ProbeTiming Timing(int success, int failure) => new(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), success, failure);

    [Fact]
    public void ReadinessStartsFailedAndPassesAfterSuccessThresholdSuccessesInARow()
    {
        var tracker = new ProbeTracker(Timing(success: 2, failure: 3), initial: false);

        Assert.False(tracker.Record(true));
        Assert.False(tracker.Record(false));
        Assert.False(tracker.Record(true));
        Assert.True(tracker.Record(true));
        Assert.True(tracker.Passing);
    }

    [Fact]
    public void APassingProbeFailsOnlyAfterFailureThresholdFailuresInARow()
    {
        var tracker = new ProbeTracker(Timing(success: 1, failure: 3), initial: true);

        Assert.False(tracker.Record(false));
        Assert.False(tracker.Record(false));
        Assert.False(tracker.Record(true));
        Assert.False(tracker.Record(false));
        Assert.False(tracker.Record(false));
        Assert.True(tracker.Record(false));
        Assert.False(tracker.Passing);
        Assert.False(tracker.Record(false));
    }

    [Fact]
    public void TimingTakesKubernetesDefaults()
    {
        var timing = ProbeTiming.From(new Probe { TcpSocket = new TcpSocketAction { Port = IntOrString.FromInt(80) } });

        Assert.Equal(new ProbeTiming(TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 1, 3), timing);
    }

    [Fact]
    public void ANamedPortIsLookedUpInTheContainer()
    {
        var target = new ProbeTarget("10.0.0.2", "id", new Container { Ports = [new ContainerPort { Name = "http", Number = 8080 }] });

        Assert.Equal((8080, 81, null), (target.Port(IntOrString.FromString("http")), target.Port(IntOrString.FromString("81")), target.Port(IntOrString.FromString("metrics"))));
    }
}
