using MassTransit;
using Platform.Contracts;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Messaging;

public sealed class StartPodConsumer(PodSupervisor pods) : IConsumer<StartPod>
{
    public Task Consume(ConsumeContext<StartPod> context) => pods.StartPodAsync(context.Message, context.CancellationToken);
}

public sealed class StopPodConsumer(PodSupervisor pods) : IConsumer<StopPod>
{
    public Task Consume(ConsumeContext<StopPod> context) => pods.StopPodAsync(context.Message, context.CancellationToken);
}
