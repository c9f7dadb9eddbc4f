using MassTransit;
using Platform.Contracts;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Messaging;

public sealed class PodStatusChangedConsumer(IGrainFactory grains) : IConsumer<PodStatusChanged>
{
    public Task Consume(ConsumeContext<PodStatusChanged> context) =>
        grains.GetGrain<IPodGrain>(GrainKeys.Pod(context.Message.Namespace, context.Message.Name)).ReportStatus(context.Message);
}
