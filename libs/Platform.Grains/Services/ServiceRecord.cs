using Platform.Api.Model;

namespace Platform.Grains.Services;

/// <summary>The persisted state of a Service grain: the Service and the Endpoints its controller wrote.</summary>
public sealed class ServiceRecord
{
    public Service? Service { get; set; }

    public Endpoints? Endpoints { get; set; }
}
