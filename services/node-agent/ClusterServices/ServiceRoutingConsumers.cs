using MassTransit;
using Platform.Contracts;

namespace Platform.NodeAgent.ClusterServices;

public sealed class ServiceRoutingChangedConsumer(ServiceTable table) : IConsumer<ServiceRoutingChanged>
{
    public Task Consume(ConsumeContext<ServiceRoutingChanged> context)
    {
        table.Apply(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class ServiceRoutingSnapshotConsumer(ServiceTable table) : IConsumer<ServiceRoutingSnapshot>
{
    public Task Consume(ConsumeContext<ServiceRoutingSnapshot> context)
    {
        table.Apply(context.Message);
        return Task.CompletedTask;
    }
}
