namespace Platform.Autoscaling;

/// <summary>
/// The pods of a target sorted as Kubernetes' replica calculator sorts them: ignored (being deleted or failed), unready
/// (pending, or for CPU not yet ready or too freshly ready for its sample to be trusted), missing a metric, and ready.
/// </summary>
public sealed class PodGroups
{
    private PodGroups(Dictionary<string, PodSample> ready, HashSet<string> unready, HashSet<string> missing)
    {
        Ready = ready;
        Unready = unready;
        Missing = missing;
    }

    /// <summary>Pods whose metric counts as measured.</summary>
    public IReadOnlyDictionary<string, PodSample> Ready { get; }

    public IReadOnlySet<string> Unready { get; }

    public IReadOnlySet<string> Missing { get; }

    /// <param name="cpuRules">CPU samples of pods that are starting are not trusted (they burn CPU while they initialise).</param>
    public static PodGroups Sort(IEnumerable<PodSample> pods, bool cpuRules, DateTimeOffset now, ReadinessRules rules)
    {
        var ready = new Dictionary<string, PodSample>(StringComparer.Ordinal);
        var unready = new HashSet<string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Deleting || pod.Phase == "Failed" || pod.Phase == "Succeeded")
            {
                continue;
            }

            if (pod.Phase == "Pending")
            {
                unready.Add(pod.Name);
            }
            else if (pod.Metric is not { } metric)
            {
                missing.Add(pod.Name);
            }
            else if (cpuRules && IsUnreadyForCpu(pod, metric, now, rules))
            {
                unready.Add(pod.Name);
            }
            else
            {
                ready[pod.Name] = pod;
            }
        }

        return new PodGroups(ready, unready, missing);
    }

    private static bool IsUnreadyForCpu(PodSample pod, MetricSample metric, DateTimeOffset now, ReadinessRules rules)
    {
        if (pod.Readiness is not { } readiness || pod.StartTime is not { } started)
        {
            return true;
        }

        if (started + rules.CpuInitializationPeriod > now)
        {
            // Still initialising: trust the sample only once a whole window of it lies after the pod turned ready.
            return !readiness.Ready || metric.Timestamp < readiness.LastTransitionTime + metric.Window;
        }

        // Past initialisation: an unready pod is ignored only if it has never been ready.
        return !readiness.Ready && started + rules.DelayOfInitialReadinessStatus > readiness.LastTransitionTime;
    }
}

/// <summary>Kubernetes' --horizontal-pod-autoscaler-cpu-initialization-period and initial-readiness-delay (defaults 5 min and 30 s).</summary>
public sealed record ReadinessRules(TimeSpan CpuInitializationPeriod, TimeSpan DelayOfInitialReadinessStatus)
{
    public static readonly ReadinessRules Default = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30));
}
