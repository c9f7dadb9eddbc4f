using MassTransit;
using Platform.Contracts;
using Platform.Grains.Pods;
using Platform.Messaging;

namespace Platform.ApiGateway.Messaging;

/// <summary>Sends pod grains' messages over RabbitMQ. A failure is logged and left to the grain's resync.</summary>
public sealed partial class BusPodMessenger(IBus bus, ILogger<BusPodMessenger> logger) : IPodMessenger
{
    public async Task<bool> RequestScheduling(PodScheduleRequested request, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await bus.GetSendEndpoint(BusSetup.QueueAddress(QueueNames.Scheduler));
            await endpoint.Send(request, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSendFailed(e, nameof(PodScheduleRequested), request.Namespace, request.Name);
            return false;
        }
    }

    public async Task<bool> StopPod(string nodeName, StopPod stop, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await bus.GetSendEndpoint(BusSetup.QueueAddress(QueueNames.Node(nodeName)));
            await endpoint.Send(stop, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSendFailed(e, nameof(Contracts.StopPod), stop.Namespace, stop.Name);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not send {Message} for pod {Namespace}/{Name}; it will be retried")]
    private partial void LogSendFailed(Exception e, string message, string @namespace, string name);
}
