using Platform.Api.Model;

namespace Platform.Autoscaling;

/// <summary>
/// One decision of a HorizontalPodAutoscaler, as Kubernetes' controller makes it: outside [min, max] go to the bound;
/// otherwise the largest proposal of the metrics, stabilised by the windows, limited by the rate policies and the
/// bounds. Metrics that fail block a scale-down (and all scaling when every metric fails).
/// </summary>
public static class Autoscaler
{
    public static ScaleDecision Decide(ScaleInput input, HorizontalPodAutoscalerBehavior behavior, ScalingHistory history)
    {
        var current = input.CurrentReplicas;
        var conditions = new List<DecisionCondition>();
        if (current == 0 && input.MinReplicas != 0)
        {
            conditions.Add(new(ConditionTypes.ScalingActive, false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero"));
            return new(0, false, null, conditions);
        }

        if (current > input.MaxReplicas)
        {
            return Bounded(input.MaxReplicas, "TooManyReplicas", "Current number of replicas above Spec.MaxReplicas", conditions);
        }

        if (current < input.MinReplicas)
        {
            return Bounded(input.MinReplicas, "TooFewReplicas", "Current number of replicas below Spec.MinReplicas", conditions);
        }

        var (proposed, metric, failure) = LargestProposal(input.Metrics, current);
        if (failure is not null)
        {
            conditions.Add(new(ConditionTypes.ScalingActive, false, failure.FailureReason, $"the HPA was unable to compute the replica count: {failure.Proposal.Error}"));
            var message = $"invalid metrics ({input.Metrics.Count(m => !m.Proposal.Succeeded)} invalid out of {input.Metrics.Count}), first error is: {failure.Proposal.Error}";
            return new(current, false, null, conditions, failure.FailureReason, message);
        }

        conditions.Add(new(ConditionTypes.ScalingActive, true, "ValidMetricFound", $"the HPA was able to successfully calculate a replica count from {metric}"));
        var reason = proposed > current ? $"{metric} above target" : proposed < current ? "All metrics below target" : null;
        var desired = Normalize(input, proposed, behavior, history, conditions);
        return new(desired, desired != current, desired != current ? reason : null, conditions);
    }

    private static ScaleDecision Bounded(int desired, string limit, string reason, List<DecisionCondition> conditions)
    {
        conditions.Add(new(ConditionTypes.ScalingLimited, true, limit, reason));
        return new(desired, true, reason, conditions);
    }

    /// <summary>The highest proposal; a failed metric wins only if every metric failed or the others would scale down.</summary>
    private static (int Replicas, string? Metric, MetricResult? Failure) LargestProposal(IReadOnlyList<MetricResult> metrics, int current)
    {
        var replicas = 0;
        string? metric = null;
        foreach (var result in metrics.Where(m => m.Proposal.Succeeded))
        {
            if (metric is null || result.Proposal.Replicas > replicas)
            {
                replicas = result.Proposal.Replicas;
                metric = result.Description;
            }
        }

        var failed = metrics.FirstOrDefault(m => !m.Proposal.Succeeded);
        if (failed is not null && (metric is null || replicas < current))
        {
            return (current, null, failed);
        }

        return (replicas, metric, null);
    }

    private static int Normalize(ScaleInput input, int proposed, HorizontalPodAutoscalerBehavior behavior, ScalingHistory history, List<DecisionCondition> conditions)
    {
        var up = behavior.ScaleUp ?? AutoscalingDefaults.ScaleUp();
        var down = behavior.ScaleDown ?? AutoscalingDefaults.ScaleDown();
        var upWindow = TimeSpan.FromSeconds(up.StabilizationWindowSeconds ?? 0);
        var downWindow = TimeSpan.FromSeconds(down.StabilizationWindowSeconds ?? AutoscalingDefaults.ScaleDownStabilizationSeconds);
        history.Forget(input.Now, Max(upWindow, downWindow), LongestPeriod(up), LongestPeriod(down));

        var stabilized = Stabilization.Apply(history, proposed, input.CurrentReplicas, upWindow, downWindow, input.Now);
        conditions.Add(new(ConditionTypes.AbleToScale, true, stabilized.Reason, stabilized.Message));
        var (desired, limitReason, limitMessage) = LimitRate(input, stabilized.Replicas, up, down, history);
        conditions.Add(new(ConditionTypes.ScalingLimited, desired != stabilized.Replicas, limitReason, limitMessage));
        return desired;
    }

    private static (int Replicas, string Reason, string Message) LimitRate(ScaleInput input, int desired, HpaScalingRules up, HpaScalingRules down, ScalingHistory history)
    {
        var current = input.CurrentReplicas;
        if (desired > current)
        {
            var limit = Math.Max(ScalingPolicies.ScaleUpLimit(current, history, up, input.Now), current);
            var (ceiling, reason, message) = input.MaxReplicas > limit
                ? (limit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
                : (input.MaxReplicas, "TooManyReplicas", "the desired replica count is more than the maximum replica count");
            if (desired > ceiling)
            {
                return (ceiling, reason, message);
            }
        }
        else if (desired < current)
        {
            var limit = Math.Min(ScalingPolicies.ScaleDownLimit(current, history, down, input.Now), current);
            var (floor, reason, message) = input.MinReplicas < limit
                ? (limit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate")
                : (input.MinReplicas, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
            if (desired < floor)
            {
                return (floor, reason, message);
            }
        }

        return (desired, "DesiredWithinRange", "the desired count is within the acceptable range");
    }

    private static TimeSpan LongestPeriod(HpaScalingRules rules) =>
        TimeSpan.FromSeconds((rules.Policies ?? []).Select(p => p.PeriodSeconds).DefaultIfEmpty(0).Max());

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
