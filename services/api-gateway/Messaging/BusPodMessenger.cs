using MassTransit;
using Platform.Contracts;
using Platform.Grains.Pods;
using Platform.Messaging;

namespace Platform.ApiGateway.Messaging;

/// <summary>Sends pod grains' messages over RabbitMQ. A failure is logged and left to the grain's resync.</summary>
public sealed partial class BusPodMessenger(IBus bus, ILogger<BusPodMessenger> logger) : IPodMessenger
{
    public Task<bool> RequestScheduling(PodScheduleRequested request, CancellationToken cancellationToken) =>
        SendAsync(QueueNames.Scheduler, request, request.Namespace, request.Name, cancellationToken);

    public Task<bool> StartPod(StartPod start, CancellationToken cancellationToken) =>
        SendAsync(QueueNames.Node(start.NodeName), start, start.Namespace, start.Name, cancellationToken);

    public Task<bool> StopPod(string nodeName, StopPod stop, CancellationToken cancellationToken) =>
        SendAsync(QueueNames.Node(nodeName), stop, stop.Namespace, stop.Name, cancellationToken);

    private async Task<bool> SendAsync<T>(string queue, T message, string @namespace, string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            // The grain's token bounds the wait; the bound's own timeout is a backstop behind it.
            await bus.SendWithin(BusSetup.QueueAddress(queue), message, BoundedDelivery.DefaultTimeout, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSendFailed(e, typeof(T).Name, @namespace, name);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not send {Message} for pod {Namespace}/{Name}; it will be retried")]
    private partial void LogSendFailed(Exception e, string message, string @namespace, string name);
}
