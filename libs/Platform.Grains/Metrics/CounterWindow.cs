namespace Platform.Grains.Metrics;

/// <summary>One reading of a cumulative counter (CPU nanoseconds, requests served).</summary>
public readonly record struct CounterPoint(DateTimeOffset At, long Value);

/// <summary>A counter's rate over a window, and the span it was measured over.</summary>
public readonly record struct CounterRate(double PerSecond, TimeSpan Span);

/// <summary>
/// The recent readings of one counter and its rate, as Prometheus' <c>rate()</c> computes it over a range, with one
/// difference: an interval in which the counter went down (a container restarted, an agent restarted) is left
/// out rather than counted from zero, since a pod's counter is a sum and one restarted part does not zero it.
/// </summary>
public sealed class CounterWindow(TimeSpan retention)
{
    private readonly List<CounterPoint> points = [];

    public CounterPoint? Newest => points.Count == 0 ? null : points[^1];

    public int Count => points.Count;

    /// <summary>Adds a reading; one not newer than the newest (a late or repeated sample) is ignored.</summary>
    public bool Add(CounterPoint point)
    {
        if (points.Count > 0 && point.At <= points[^1].At)
        {
            return false;
        }

        points.Add(point);
        var oldest = point.At - retention;
        var expired = points.FindIndex(p => p.At >= oldest);
        if (expired > 0)
        {
            points.RemoveRange(0, expired);
        }

        return true;
    }

    /// <summary>
    /// The rate over the readings of the last <paramref name="window"/> before the newest one. With only the newest
    /// in the window, the one before it is used (metrics-server's rate between its last two scrapes). Null when the
    /// newest reading is older than <paramref name="staleAfter"/> or no interval is usable.
    /// </summary>
    public CounterRate? Rate(DateTimeOffset now, TimeSpan window, TimeSpan staleAfter)
    {
        if (points.Count < 2 || now - points[^1].At > staleAfter)
        {
            return null;
        }

        var from = points[^1].At - window;
        var first = Math.Min(points.FindIndex(p => p.At >= from), points.Count - 2);
        double increase = 0;
        var span = TimeSpan.Zero;
        for (var i = first + 1; i < points.Count; i++)
        {
            if (points[i].Value >= points[i - 1].Value)
            {
                increase += points[i].Value - points[i - 1].Value;
                span += points[i].At - points[i - 1].At;
            }
        }

        return span > TimeSpan.Zero ? new CounterRate(increase / span.TotalSeconds, span) : null;
    }
}
