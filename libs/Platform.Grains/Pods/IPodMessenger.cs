using Platform.Contracts;

namespace Platform.Grains.Pods;

/// <summary>
/// The messages a pod grain sends. The host implements it over the message bus; a failure to send
/// is reported as false and retried by <see cref="Abstractions.IPodGrain.Resync"/>.
/// </summary>
public interface IPodMessenger
{
    Task<bool> RequestScheduling(PodScheduleRequested request, CancellationToken cancellationToken);

    Task<bool> StartPod(StartPod start, CancellationToken cancellationToken);

    Task<bool> StopPod(string nodeName, StopPod stop, CancellationToken cancellationToken);
}
