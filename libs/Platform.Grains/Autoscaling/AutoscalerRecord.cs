using Platform.Api.Model;
using Platform.Autoscaling;

namespace Platform.Grains.Autoscaling;

/// <summary>
/// The persisted state of an autoscaler grain: the object and its recent rescales (for the rate policies). The
/// stabilisation recommendations are not persisted: after a restart the grain assumes the current size was just
/// recommended, as Kubernetes' controller does, so nothing scales down before a whole window has passed.
/// </summary>
public sealed class AutoscalerRecord
{
    public HorizontalPodAutoscaler? Autoscaler { get; set; }

    public List<ScaleChange> ScaleUps { get; set; } = [];

    public List<ScaleChange> ScaleDowns { get; set; } = [];
}
