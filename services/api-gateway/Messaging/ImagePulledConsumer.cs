using MassTransit;
using Platform.Contracts;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Messaging;

public sealed class ImagePulledConsumer(IGrainFactory grains) : IConsumer<ImagePulled>
{
    public Task Consume(ConsumeContext<ImagePulled> context) =>
        grains.GetGrain<IImageGrain>(context.Message.Reference).RecordPulled(context.Message);
}
