using MassTransit;
using Platform.Contracts;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Messaging;

public sealed class NodeRegisteredConsumer(IGrainFactory grains) : IConsumer<NodeRegistered>
{
    public Task Consume(ConsumeContext<NodeRegistered> context) =>
        grains.GetGrain<INodeGrain>(context.Message.NodeName).Register(context.Message);
}

public sealed class NodeHeartbeatConsumer(IGrainFactory grains) : IConsumer<NodeHeartbeat>
{
    public Task Consume(ConsumeContext<NodeHeartbeat> context) =>
        grains.GetGrain<INodeGrain>(context.Message.NodeName).Heartbeat(context.Message);
}
