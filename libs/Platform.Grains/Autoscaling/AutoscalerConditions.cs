using Platform.Api.Model;
using Platform.Autoscaling;

namespace Platform.Grains.Autoscaling;

/// <summary>Keeps an autoscaler's conditions: each set replaces its type, and the transition time moves only when the status flips.</summary>
internal static class AutoscalerConditions
{
    public static List<HorizontalPodAutoscalerCondition> Merge(
        IReadOnlyList<HorizontalPodAutoscalerCondition>? existing, IEnumerable<DecisionCondition> updates, DateTimeOffset now)
    {
        var merged = (existing ?? []).Select(Copy).ToList();
        foreach (var update in updates)
        {
            var status = update.Status ? "True" : "False";
            var found = merged.FirstOrDefault(c => c.Type == update.Type);
            if (found is null)
            {
                found = new HorizontalPodAutoscalerCondition { Type = update.Type, LastTransitionTime = now };
                merged.Add(found);
            }
            else if (found.Status != status)
            {
                found.LastTransitionTime = now;
            }

            found.Status = status;
            found.Reason = update.Reason;
            found.Message = update.Message;
        }

        return Order(merged);
    }

    private static readonly string[] Types = [ConditionTypes.AbleToScale, ConditionTypes.ScalingActive, ConditionTypes.ScalingLimited];

    private static List<HorizontalPodAutoscalerCondition> Order(List<HorizontalPodAutoscalerCondition> conditions) =>
        conditions.OrderBy(c => Array.IndexOf(Types, c.Type) is var i and >= 0 ? i : Types.Length).ToList();

    private static HorizontalPodAutoscalerCondition Copy(HorizontalPodAutoscalerCondition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        LastTransitionTime = c.LastTransitionTime,
        Reason = c.Reason,
        Message = c.Message,
    };
}
