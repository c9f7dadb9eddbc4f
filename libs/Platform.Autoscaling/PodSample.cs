namespace Platform.Autoscaling;

/// <summary>One pod of the scale target as the replica calculator sees it, for one metric.</summary>
/// <param name="Request">The pod's request of the metric's resource (millicores or bytes); null when a container sets none.</param>
/// <param name="Metric">The pod's measured value; null when the metrics pipeline has none for it.</param>
public sealed record PodSample(
    string Name,
    string? Phase,
    bool Deleting,
    PodReadiness? Readiness,
    DateTimeOffset? StartTime,
    double? Request,
    MetricSample? Metric);

/// <summary>The pod's Ready condition: its status and when it last changed.</summary>
public sealed record PodReadiness(bool Ready, DateTimeOffset LastTransitionTime);

/// <summary>A measured value of one pod: averaged over <paramref name="Window"/>, ending at <paramref name="Timestamp"/>.</summary>
public sealed record MetricSample(double Value, DateTimeOffset Timestamp, TimeSpan Window);
