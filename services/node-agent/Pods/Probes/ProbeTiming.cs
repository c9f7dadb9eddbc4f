using Platform.Api.Model;

namespace Platform.NodeAgent.Pods.Probes;

/// <summary>A probe's schedule and thresholds with Kubernetes' defaults (period 10 s, timeout 1 s, success 1, failure 3).</summary>
public sealed record ProbeTiming(TimeSpan InitialDelay, TimeSpan Period, TimeSpan Timeout, int SuccessThreshold, int FailureThreshold)
{
    public static ProbeTiming From(Probe probe) => new(
        TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0),
        TimeSpan.FromSeconds(probe.PeriodSeconds ?? 10),
        TimeSpan.FromSeconds(probe.TimeoutSeconds ?? 1),
        probe.SuccessThreshold ?? 1,
        probe.FailureThreshold ?? 3);
}
