using MassTransit;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.ApiGateway.Messaging;

/// <summary>
/// Samples, every second, whether this gateway's node-heartbeat consumer is connected to the broker,
/// into <see cref="MessagePathHealth"/> for the node lifecycle controller.
/// </summary>
public sealed partial class HeartbeatPathWatcher(
    IBusControl bus, MessagePathHealth health, TimeProvider time, ILogger<HeartbeatPathWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private bool? lastHealthy;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var healthy = SampleHealth();
            health.Observe(healthy, time.GetUtcNow());
            if (lastHealthy is not null && lastHealthy != healthy)
            {
                LogChanged(healthy ? "connected" : "disconnected");
            }

            lastHealthy = healthy;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Never throws: a fault here would stop the gateway (a failed BackgroundService stops the host), and
    /// MassTransit's health walk can race with the bus adding its endpoints at start. A failed look counts
    /// as "not connected".
    /// </summary>
    private bool SampleHealth()
    {
        try
        {
            return IsHeartbeatEndpointReady(bus.CheckHealth());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSampleFailed(e);
            return false;
        }
    }

    private static bool IsHeartbeatEndpointReady(BusHealthResult result) =>
        result.Endpoints.Any(e => e.Key.EndsWith("/" + QueueNames.GatewayNodeHeartbeat, StringComparison.Ordinal)
                                  && e.Value.Status == BusHealthStatus.Healthy);

    [LoggerMessage(LogLevel.Debug, "Could not read the message bus's health; counted as disconnected")]
    private partial void LogSampleFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "The node heartbeat consumer is {State}; nodes are not evicted until it has run for a full grace period")]
    private partial void LogChanged(string state);
}
