using Platform.Api.Model;
using Platform.Grains.Abstractions.Services;

namespace Platform.Grains.Services;

/// <summary>What a pod tells the services of its namespace after each change (their endpoints controllers decide if it matters).</summary>
internal static class PodServiceNotice
{
    public static Task NotifyServices(this IGrainFactory grains, Pod pod, bool gone) =>
        pod.Metadata.Namespace is { } ns
            ? grains.GetGrain<IServiceDirectoryGrain>(ns).PodChanged(pod, gone)
            : Task.CompletedTask;
}
