using MassTransit;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// At start, asks the gateway for a snapshot of every Service until one arrives (the gateway may be down,
/// or still listing): a restarted agent, or one that missed messages while it was away, converges with it.
/// </summary>
public sealed partial class ServiceRoutingSync(
    IBus bus,
    ServiceTable table,
    NodeAgentSettings node,
    TimeProvider time,
    ILogger<ServiceRoutingSync> logger) : BackgroundService
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(1);
        while (!table.FirstSnapshot.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bus.SendWithin(
                    BusSetup.QueueAddress(QueueNames.GatewayServiceRouting),
                    new ServiceRoutingRequested(node.NodeName, Guid.NewGuid(), time.GetUtcNow()),
                    BoundedDelivery.DefaultTimeout,
                    stoppingToken);
                LogRequested();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRequestFailed(e);
            }

            await Task.WhenAny(table.FirstSnapshot, Task.Delay(interval, stoppingToken));
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
        }

        if (table.FirstSnapshot.IsCompleted)
        {
            LogSynced(table.Services.Count);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Asked the gateway for every Service")]
    private partial void LogRequested();

    [LoggerMessage(LogLevel.Warning, "Could not ask the gateway for the Services; retrying")]
    private partial void LogRequestFailed(Exception e);

    [LoggerMessage(LogLevel.Information, "Services synchronised: {Count} service(s)")]
    private partial void LogSynced(int count);
}
