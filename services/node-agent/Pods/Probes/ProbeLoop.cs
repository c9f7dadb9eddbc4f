using Platform.Api.Model;

namespace Platform.NodeAgent.Pods.Probes;

/// <summary>
/// Probes one running container on the probe's schedule until the container ends, and says when the
/// result flips (ready/unready, alive/dead).
/// </summary>
public static class ProbeLoop
{
    public static async Task RunAsync(
        ProbeExecutor executor,
        Probe probe,
        ProbeTarget target,
        bool initial,
        Func<bool, Task> flipped,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var timing = ProbeTiming.From(probe);
        var tracker = new ProbeTracker(timing, initial);
        try
        {
            await Task.Delay(timing.InitialDelay, time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var success = await executor.RunAsync(probe, target, timing.Timeout, cancellationToken);
                if (tracker.Record(success))
                {
                    await flipped(tracker.Passing);
                }

                await Task.Delay(timing.Period, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The container ended or the pod is stopping.
        }
    }
}
