namespace Platform.Autoscaling;

/// <summary>
/// Replicas one metric asks for, as Kubernetes' replica calculator computes them: desired = ceil(ready pods × current /
/// target), no change within the tolerance, missing metrics assumed at the target (or 100 % of request) when scaling
/// down and at zero when scaling up, unready pods assumed at zero when scaling up and left out otherwise, and no
/// proposal that the conservative assumptions would turn around.
/// </summary>
public sealed class ReplicaCalculator(double tolerance, ReadinessRules readiness)
{
    public const double DefaultTolerance = 0.1;

    public static readonly ReplicaCalculator Default = new(DefaultTolerance, ReadinessRules.Default);

    /// <summary>A Resource metric with a Utilization target: usage as a percentage of the pods' requests.</summary>
    public MetricProposal Utilization(IReadOnlyList<PodSample> pods, int currentReplicas, int targetUtilization, string resource, DateTimeOffset now)
    {
        if (pods.Count == 0)
        {
            return MetricProposal.Failed("no pods returned by selector while calculating replica count");
        }

        var groups = PodGroups.Sort(pods, resource == "cpu", now, readiness);
        var requests = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Request is not { } request || request <= 0)
            {
                return MetricProposal.Failed($"missing request for {resource} in pod {pod.Name}");
            }

            requests[pod.Name] = request;
        }

        if (groups.Ready.Count == 0)
        {
            return MetricProposal.Failed("did not receive metrics for targeted pods (pods might be unready)");
        }

        var values = groups.Ready.ToDictionary(p => p.Key, p => p.Value.Metric!.Value, StringComparer.Ordinal);
        var (ratio, utilization, average) = UtilizationRatio(values, requests, targetUtilization);
        var scaleUpWithUnready = groups.Unready.Count > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && groups.Missing.Count == 0)
        {
            var replicas = WithinTolerance(ratio) ? currentReplicas : (int)Math.Ceiling(ratio * groups.Ready.Count);
            return MetricProposal.Of(replicas, average, utilization, groups);
        }

        if (groups.Missing.Count > 0 && ratio != 1.0)
        {
            // Assume the pods without a metric resist the change: at 100 % of request (or the target, if above) when
            // scaling down, idle when scaling up.
            var fallback = ratio < 1.0 ? Math.Max(100, targetUtilization) / 100.0 : 0.0;
            foreach (var name in groups.Missing)
            {
                values[name] = requests[name] * fallback;
            }
        }

        if (scaleUpWithUnready)
        {
            foreach (var name in groups.Unready)
            {
                values[name] = 0;
            }
        }

        var (newRatio, _, _) = UtilizationRatio(values, requests, targetUtilization);
        return MetricProposal.Of(Conservative(ratio, newRatio, values.Count, currentReplicas), average, utilization, groups);
    }

    /// <summary>An AverageValue target: a Pods metric (requests_per_second) or a Resource metric per pod (cpu, memory).</summary>
    public MetricProposal AverageValue(IReadOnlyList<PodSample> pods, int currentReplicas, double targetAverage, string? resource, DateTimeOffset now)
    {
        if (pods.Count == 0)
        {
            return MetricProposal.Failed("no pods returned by selector while calculating replica count");
        }

        var groups = PodGroups.Sort(pods, resource == "cpu", now, readiness);
        if (groups.Ready.Count == 0)
        {
            return MetricProposal.Failed("did not receive metrics for targeted pods (pods might be unready)");
        }

        var values = groups.Ready.ToDictionary(p => p.Key, p => p.Value.Metric!.Value, StringComparer.Ordinal);
        var average = values.Values.Average();
        var ratio = average / targetAverage;
        var scaleUpWithUnready = groups.Unready.Count > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && groups.Missing.Count == 0)
        {
            var replicas = WithinTolerance(ratio) ? currentReplicas : (int)Math.Ceiling(ratio * groups.Ready.Count);
            return MetricProposal.Of(replicas, average, null, groups);
        }

        if (ratio != 1.0)
        {
            // At the target when scaling down, idle when scaling up: the pods without a metric resist the change.
            foreach (var name in groups.Missing)
            {
                values[name] = ratio < 1.0 ? targetAverage : 0;
            }
        }

        if (scaleUpWithUnready)
        {
            foreach (var name in groups.Unready)
            {
                values[name] = 0;
            }
        }

        var newRatio = values.Values.Average() / targetAverage;
        return MetricProposal.Of(Conservative(ratio, newRatio, values.Count, currentReplicas), average, null, groups);
    }

    private bool WithinTolerance(double ratio) => Math.Abs(1.0 - ratio) <= tolerance;

    /// <summary>After the assumptions: no change within tolerance, none that reverses the direction the measured pods asked for.</summary>
    private int Conservative(double ratio, double newRatio, int podsCounted, int currentReplicas)
    {
        if (WithinTolerance(newRatio) || ratio < 1.0 && newRatio > 1.0 || ratio > 1.0 && newRatio < 1.0)
        {
            return currentReplicas;
        }

        var replicas = (int)Math.Ceiling(newRatio * podsCounted);
        return newRatio < 1.0 && replicas > currentReplicas || newRatio > 1.0 && replicas < currentReplicas
            ? currentReplicas
            : replicas;
    }

    /// <summary>Sum of usage over sum of requests, as a percentage, relative to the target; and the average usage per pod.</summary>
    private static (double Ratio, int Utilization, double Average) UtilizationRatio(
        IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<string, double> requests, int target)
    {
        double used = 0, requested = 0;
        foreach (var (name, value) in values)
        {
            used += value;
            requested += requests[name];
        }

        var utilization = (int)(used * 100 / requested);
        return ((double)utilization / target, utilization, used / values.Count);
    }
}

/// <summary>What one metric asks for: the replicas, the current value it saw, and how its pods were sorted.</summary>
public sealed record MetricProposal(int Replicas, double AverageValue, int? Utilization, int ReadyPods, int UnreadyPods, int MissingPods, string? Error)
{
    public bool Succeeded => Error is null;

    public static MetricProposal Failed(string error) => new(-1, 0, null, 0, 0, 0, error);

    internal static MetricProposal Of(int replicas, double average, int? utilization, PodGroups groups) =>
        new(replicas, average, utilization, groups.Ready.Count, groups.Unready.Count, groups.Missing.Count, null);
}
