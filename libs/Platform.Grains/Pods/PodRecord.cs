using Platform.Api.Model;

namespace Platform.Grains.Pods;

/// <summary>The persisted state of a pod grain.</summary>
public sealed class PodRecord
{
    public Pod? Pod { get; set; }

    /// <summary>The sequence of the newest node report applied; older reports are ignored.</summary>
    public long StatusSequence { get; set; }

    public DateTimeOffset? ScheduleRequestedAt { get; set; }

    public DateTimeOffset? StopRequestedAt { get; set; }

    /// <summary>When the scheduler bound the pod to spec.nodeName; null while unscheduled.</summary>
    public DateTimeOffset? BoundAt { get; set; }

    /// <summary>When the grain itself last re-sent StartPod to the bound node.</summary>
    public DateTimeOffset? StartResentAt { get; set; }

    /// <summary>Deleting, and its containers are stopped; finalizers still hold the object.</summary>
    public bool Stopped { get; set; }
}
