using Orleans.Concurrency;
using Platform.Api.Model;

namespace Platform.Grains.Abstractions;

/// <summary>The recent events of one namespace (keyed by namespace), repeated ones counted as Kubernetes does.</summary>
public interface IEventLogGrain : IGrainWithStringKey
{
    [OneWay]
    Task Record(Event item);

    Task<IReadOnlyList<Event>> List();
}
