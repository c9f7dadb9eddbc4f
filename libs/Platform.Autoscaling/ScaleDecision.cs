namespace Platform.Autoscaling;

/// <summary>What one metric of an autoscaler gave: its description as events name it, and its proposal or failure.</summary>
/// <param name="Description">"cpu resource utilization (percentage of request)", "pods metric requests_per_second".</param>
/// <param name="FailureReason">The condition and event reason when it fails: FailedGetResourceMetric, FailedGetPodsMetric.</param>
public sealed record MetricResult(string Description, string FailureReason, MetricProposal Proposal);

/// <summary>The inputs of one decision.</summary>
/// <param name="CurrentReplicas">The target's spec.replicas (its scale).</param>
public sealed record ScaleInput(int CurrentReplicas, int MinReplicas, int MaxReplicas, IReadOnlyList<MetricResult> Metrics, DateTimeOffset Now);

/// <summary>One condition of the autoscaler's status as the decision sets it.</summary>
public sealed record DecisionCondition(string Type, bool Status, string Reason, string Message);

/// <summary>
/// The outcome: the replicas to set, why (the SuccessfulRescale event's reason), the conditions, and a metrics failure
/// to report (with no rescale) when the metrics do not allow a decision.
/// </summary>
public sealed record ScaleDecision(
    int DesiredReplicas,
    bool Rescale,
    string? RescaleReason,
    IReadOnlyList<DecisionCondition> Conditions,
    string? MetricsFailureReason = null,
    string? MetricsFailure = null);

public static class ConditionTypes
{
    public const string AbleToScale = "AbleToScale";
    public const string ScalingActive = "ScalingActive";
    public const string ScalingLimited = "ScalingLimited";
}
