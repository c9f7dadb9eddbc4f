using Platform.Api.Model;
using Platform.Grains.Eventing;

namespace Platform.Grains.Pods;

/// <summary>The events a node's report implies (Started, BackOff, Failed), found by comparing container states.</summary>
internal static class PodEvents
{
    private const string Component = "kubelet";

    public static async Task RecordTransitions(this IGrainFactory grains, Pod pod, PodStatus? before, PodStatus after)
    {
        foreach (var container in after.ContainerStatuses ?? [])
        {
            var previous = before?.ContainerStatuses?.FirstOrDefault(c => c.Name == container.Name);
            if (container.State?.Running is { } running && previous?.State?.Running?.StartedAt != running.StartedAt)
            {
                await grains.RecordEvent(pod, EventRecorder.Normal, "Started", $"Started container {container.Name}", Component);
            }

            if (container.State?.Waiting is { Reason: { } reason } waiting && previous?.State?.Waiting?.Reason != reason)
            {
                var (type, eventReason) = reason switch
                {
                    "CrashLoopBackOff" => (EventRecorder.Warning, "BackOff"),
                    "ContainerCreating" or "PodInitializing" => (EventRecorder.Normal, "Pulling"),
                    _ => (EventRecorder.Warning, "Failed"),
                };
                await grains.RecordEvent(pod, type, eventReason, waiting.Message ?? $"{reason}: container {container.Name}", Component);
            }

            if (container.State?.Terminated is { Reason: "OOMKilled" or "StartError" or "ErrImagePull" } terminated
                && previous?.State?.Terminated?.FinishedAt != terminated.FinishedAt)
            {
                await grains.RecordEvent(pod, EventRecorder.Warning, terminated.Reason!, terminated.Message ?? $"container {container.Name}: {terminated.Reason}", Component);
            }
        }
    }
}
