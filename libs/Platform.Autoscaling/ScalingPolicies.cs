using Platform.Api.Model;

namespace Platform.Autoscaling;

/// <summary>
/// Kubernetes' rate policies: how far the replicas may move from where they stood at the start of each policy's period
/// (the changes already made inside the period count), the most permissive policy winning under Max and the least
/// under Min; Disabled forbids the direction.
/// </summary>
public static class ScalingPolicies
{
    public static int ScaleUpLimit(int current, ScalingHistory history, HpaScalingRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == HpaNames.SelectDisabled)
        {
            return current;
        }

        var pickMin = rules.SelectPolicy == HpaNames.SelectMin;
        var result = pickMin ? int.MaxValue : int.MinValue;
        foreach (var policy in rules.Policies ?? [])
        {
            var start = PeriodStart(current, history, policy, now);
            var proposed = policy.Type == HpaNames.PodsPolicy
                ? start + policy.Value
                : (int)Math.Ceiling(start * (1 + policy.Value / 100.0));
            result = pickMin ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }

        return result;
    }

    public static int ScaleDownLimit(int current, ScalingHistory history, HpaScalingRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == HpaNames.SelectDisabled)
        {
            return current;
        }

        // Scaling down, the smallest change is the highest count: Min picks the maximum.
        var pickMin = rules.SelectPolicy == HpaNames.SelectMin;
        var result = pickMin ? int.MinValue : int.MaxValue;
        foreach (var policy in rules.Policies ?? [])
        {
            var start = PeriodStart(current, history, policy, now);
            var proposed = policy.Type == HpaNames.PodsPolicy
                ? start - policy.Value
                : (int)(start * (1 - policy.Value / 100.0));
            result = pickMin ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }

        return result;
    }

    /// <summary>The replicas at the start of the policy's period: current, less what was added, plus what was removed since.</summary>
    private static int PeriodStart(int current, ScalingHistory history, HpaScalingPolicy policy, DateTimeOffset now)
    {
        var since = now - TimeSpan.FromSeconds(policy.PeriodSeconds);
        var added = history.ScaleUps.Where(e => e.At > since).Sum(e => e.Replicas);
        var removed = history.ScaleDowns.Where(e => e.At > since).Sum(e => e.Replicas);
        return current - added + removed;
    }
}
