using MassTransit;
using Platform.Contracts;
using Platform.Messaging;
using Platform.NodeAgent.Pods;
using Platform.NodeAgent.Runtime;

namespace Platform.NodeAgent.Node;

/// <summary>Announces the node until the broker takes the announcement, then heartbeats for as long as the agent runs.</summary>
public sealed partial class NodeRegistrationService(
    IBus bus,
    NodeAgentSettings settings,
    NodeRegistrationSettings registration,
    PodSupervisor pods,
    IContainerLauncher launcher,
    TimeProvider time,
    ILogger<NodeRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.HeartbeatInterval, time);
        do
        {
            await SendHeartbeatAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        var capacity = NodeInfoProbe.Capacity();
        while (true)
        {
            try
            {
                var announcement = new NodeRegistered(settings.NodeName, Endpoint, capacity, capacity, settings.MaxPods,
                    NodeInfoProbe.SystemInfo(launcher.Name), time.GetUtcNow(), registration.Labels, registration.Taints);
                await bus.PublishWithin(announcement, BoundedDelivery.DefaultTimeout, stoppingToken);
                LogRegistered(settings.NodeName);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private async Task SendHeartbeatAsync(CancellationToken stoppingToken)
    {
        try
        {
            var heartbeat = new NodeHeartbeat(settings.NodeName, Endpoint, NodeInfoProbe.Capacity(), pods.ActivePodUids(), time.GetUtcNow());
            await bus.PublishWithin(heartbeat, BoundedDelivery.DefaultTimeout, stoppingToken,
                context => context.TimeToLive = settings.HeartbeatInterval * 5);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetry(e);
        }
    }

    private string Endpoint => settings.ListenUrl.ToString().TrimEnd('/');

    [LoggerMessage(LogLevel.Information, "Node {Node} registered with the control plane")]
    private partial void LogRegistered(string node);

    [LoggerMessage(LogLevel.Warning, "Could not reach the message bus; retrying")]
    private partial void LogRetry(Exception e);
}
