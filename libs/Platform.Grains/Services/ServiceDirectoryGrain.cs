using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;

namespace Platform.Grains.Services;

/// <summary>
/// The services of one namespace, so a pod's change reaches each of them. Held in memory and read from the
/// services index on activation: the index is the record, this is its fan-out.
/// </summary>
public sealed class ServiceDirectoryGrain : Grain, IServiceDirectoryGrain
{
    private readonly SortedSet<string> services = new(StringComparer.Ordinal);

    private string Namespace => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var keys = await GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.ServiceIndex).List($"{Namespace}/");
        foreach (var key in keys)
        {
            services.Add(GrainKeys.ParsePod(key).Name);
        }
    }

    public Task Add(string service)
    {
        services.Add(service);
        return Task.CompletedTask;
    }

    public Task Remove(string service)
    {
        services.Remove(service);
        return Task.CompletedTask;
    }

    public async Task PodChanged(Pod pod, bool gone)
    {
        foreach (var service in services)
        {
            await GrainFactory.GetGrain<IServiceGrain>(GrainKeys.Namespaced(Namespace, service)).PodChanged(pod, gone);
        }
    }
}
