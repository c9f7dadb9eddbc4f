using System.Diagnostics.Metrics;

namespace Platform.Scheduler;

/// <summary>
/// The scheduler's figures for /metrics, named after kube-scheduler's: attempts by result, the time one attempt
/// takes, the time from the pod's creation request to its placement, and the requests being worked on now.
/// </summary>
public sealed class SchedulerMetrics
{
    public const string MeterName = "Platform.Scheduler";

    public const string Scheduled = "scheduled";
    public const string Unschedulable = "unschedulable";
    public const string Error = "error";

    /// <summary>Buckets in seconds, from a millisecond up (OpenTelemetry's defaults are made for milliseconds).</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Counter<long> attempts;
    private readonly Histogram<double> attemptDuration;
    private readonly Histogram<double> podSchedulingDuration;
    private readonly UpDownCounter<long> inFlight;

    public SchedulerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        attempts = meter.CreateCounter<long>("platform.scheduler.schedule_attempts", "{attempt}", "Scheduling attempts by result (scheduled, unschedulable, error)");
        attemptDuration = meter.CreateHistogram("platform.scheduler.attempt.duration", "s", "Time of one scheduling attempt: view, placement, reservation and bind", advice: Seconds);
        podSchedulingDuration = meter.CreateHistogram("platform.scheduler.pod_scheduling.duration", "s", "Time from the pod's scheduling request to its placement", advice: Seconds);
        inFlight = meter.CreateUpDownCounter<long>("platform.scheduler.pending_pods", "{pod}", "Scheduling requests being worked on now");
    }

    public void Started() => inFlight.Add(1);

    public void Finished(string result, TimeSpan attempt, TimeSpan? sinceRequested)
    {
        inFlight.Add(-1);
        var tag = new KeyValuePair<string, object?>("result", result);
        attempts.Add(1, tag);
        attemptDuration.Record(attempt.TotalSeconds, tag);
        if (sinceRequested is { } waited && result == Scheduled)
        {
            podSchedulingDuration.Record(Math.Max(0, waited.TotalSeconds));
        }
    }
}
