namespace Platform.Autoscaling;

/// <summary>
/// Kubernetes' stabilisation windows: never scale up past the lowest recommendation of the scale-up window, never scale
/// down past the highest of the scale-down window. A short spike or dip inside a window changes nothing.
/// </summary>
public static class Stabilization
{
    public static StabilizedRecommendation Apply(ScalingHistory history, int desired, int current, TimeSpan upWindow, TimeSpan downWindow, DateTimeOffset now)
    {
        var upLimit = desired;
        var downLimit = desired;
        foreach (var recommendation in history.Recommendations)
        {
            if (recommendation.At > now - upWindow)
            {
                upLimit = Math.Min(upLimit, recommendation.Replicas);
            }

            if (recommendation.At > now - downWindow)
            {
                downLimit = Math.Max(downLimit, recommendation.Replicas);
            }
        }

        var stabilized = Math.Min(Math.Max(current, upLimit), downLimit);
        history.Recommendations.Add(new Recommendation(desired, now));
        return stabilized == desired
            ? new(stabilized, "ReadyForNewScale", "recommended size matches current size")
            : stabilized > desired
                ? new(stabilized, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
                : new(stabilized, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation");
    }
}

public sealed record StabilizedRecommendation(int Replicas, string Reason, string Message);
