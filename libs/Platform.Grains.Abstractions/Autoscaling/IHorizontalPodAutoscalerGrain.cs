using Platform.Api.Model;

namespace Platform.Grains.Abstractions.Autoscaling;

/// <summary>
/// A HorizontalPodAutoscaler and its controller (keyed by <see cref="GrainKeys.Namespaced"/>): on a timer it reads the
/// target's scale, its pods and their metrics, decides the replicas and sets them on the target.
/// </summary>
public interface IHorizontalPodAutoscalerGrain : IObjectGrain<HorizontalPodAutoscaler>
{
    /// <summary>One pass of the controller (the timer calls it; the periodic resync calls it to wake the grain after a restart).</summary>
    Task Reconcile();
}
