namespace Platform.Autoscaling;

/// <summary>
/// What an autoscaler remembers between decisions: the recent unstabilised recommendations (for the stabilisation
/// windows) and the recent scale changes (for the rate policies), each with its time.
/// </summary>
public sealed class ScalingHistory
{
    public List<Recommendation> Recommendations { get; set; } = [];

    public List<ScaleChange> ScaleUps { get; set; } = [];

    public List<ScaleChange> ScaleDowns { get; set; } = [];

    /// <summary>
    /// After a restart the recommendations are gone; Kubernetes then assumes the current size was recommended just now,
    /// so nothing scales down before a whole stabilisation window has passed.
    /// </summary>
    public static ScalingHistory AfterRestart(int currentReplicas, DateTimeOffset now, IEnumerable<ScaleChange>? ups = null, IEnumerable<ScaleChange>? downs = null) => new()
    {
        Recommendations = [new Recommendation(currentReplicas, now)],
        ScaleUps = ups?.ToList() ?? [],
        ScaleDowns = downs?.ToList() ?? [],
    };

    public void Record(int from, int to, DateTimeOffset at)
    {
        if (to > from)
        {
            ScaleUps.Add(new ScaleChange(to - from, at));
        }
        else if (to < from)
        {
            ScaleDowns.Add(new ScaleChange(from - to, at));
        }
    }

    /// <summary>Drops what no window or period can reach any more.</summary>
    public void Forget(DateTimeOffset now, TimeSpan longestWindow, TimeSpan longestUpPeriod, TimeSpan longestDownPeriod)
    {
        Recommendations.RemoveAll(r => r.At < now - longestWindow);
        ScaleUps.RemoveAll(e => e.At < now - longestUpPeriod);
        ScaleDowns.RemoveAll(e => e.At < now - longestDownPeriod);
    }
}

/// <summary>A replica count the metrics asked for at one time, before stabilisation.</summary>
public sealed record Recommendation(int Replicas, DateTimeOffset At);

/// <summary>How many replicas one rescale added or removed, and when.</summary>
public sealed record ScaleChange(int Replicas, DateTimeOffset At);
