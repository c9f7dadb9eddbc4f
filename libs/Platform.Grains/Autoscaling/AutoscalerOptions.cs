namespace Platform.Grains.Autoscaling;

/// <summary>The autoscaler controller's timings (Kubernetes' --horizontal-pod-autoscaler-sync-period and friends).</summary>
public sealed class AutoscalerOptions
{
    /// <summary>How often each HorizontalPodAutoscaler decides (Kubernetes: 15 s; here 1 s, for reactions within seconds).</summary>
    public TimeSpan SyncPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The window of the pods' usage averages the decisions read (metrics-server's resolution).</summary>
    public TimeSpan MetricsWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the status is written when only the measured values changed (a decision writes it at once).</summary>
    public TimeSpan StatusRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
