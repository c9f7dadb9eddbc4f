using MassTransit;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.ApiGateway.NodeServices;

/// <summary>Answers a node agent's request with a snapshot of every Service, sent to that node's services queue.</summary>
public sealed class ServiceRoutingRequestedConsumer(ServiceRoutingInformer informer) : IConsumer<ServiceRoutingRequested>
{
    public async Task Consume(ConsumeContext<ServiceRoutingRequested> context)
    {
        var snapshot = await informer.SnapshotAsync(context.Message.RequestId, context.CancellationToken);
        var node = await context.GetSendEndpoint(BusSetup.QueueAddress(QueueNames.NodeServices(context.Message.NodeName)));
        await node.Send(snapshot, send => send.TimeToLive = QueueNames.ServiceRoutingTimeToLive, context.CancellationToken);
    }
}
