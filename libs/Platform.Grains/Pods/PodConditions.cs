using Platform.Api.Model;

namespace Platform.Grains.Pods;

/// <summary>Keeps a pod's conditions (PodScheduled, Ready) in step with what happened to it.</summary>
internal static class PodConditions
{
    /// <summary>The reason of PodScheduled=False when no node can take the pod, as Kubernetes names it.</summary>
    public const string Unschedulable = "Unschedulable";

    public static void Set(PodStatus status, string type, bool value, DateTimeOffset now, string? reason = null, string? message = null)
    {
        status.Conditions ??= [];
        var text = value ? "True" : "False";
        var existing = status.Conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            status.Conditions.Add(new PodCondition { Type = type, Status = text, Reason = reason, Message = message, LastTransitionTime = now });
            return;
        }

        if (existing.Status != text)
        {
            existing.LastTransitionTime = now;
        }

        existing.Status = text;
        existing.Reason = reason;
        existing.Message = message;
    }

    /// <summary>Ready when running and every container is ready.</summary>
    public static bool IsReady(PodStatus status) =>
        status.Phase == PodPhases.Running && status.ContainerStatuses is { Count: > 0 } containers && containers.All(c => c.Ready);
}
