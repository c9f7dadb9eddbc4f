namespace Platform.NodeAgent.Pods.Probes;

/// <summary>
/// The kubelet's rule for a probe's result: it flips only after successThreshold successes or
/// failureThreshold failures in a row. Readiness starts failed (not ready until proven), liveness
/// starts passed (alive until proven dead).
/// </summary>
public sealed class ProbeTracker(ProbeTiming timing, bool initial)
{
    private int successes;
    private int failures;

    public bool Passing { get; private set; } = initial;

    /// <summary>Records one attempt; true when the result flipped.</summary>
    public bool Record(bool success)
    {
        if (success)
        {
            (successes, failures) = (successes + 1, 0);
        }
        else
        {
            (successes, failures) = (0, failures + 1);
        }

        var flipped = success ? !Passing && successes >= timing.SuccessThreshold : Passing && failures >= timing.FailureThreshold;
        if (flipped)
        {
            Passing = success;
        }

        return flipped;
    }
}
