using System.Diagnostics.Metrics;
using Platform.Contracts;
using RabbitMQ.Client;

namespace Platform.Scheduler;

/// <summary>
/// How many pods wait in the scheduler's queue, for /metrics: a passive declare of <c>scheduler.pods</c> every few
/// seconds on a connection of its own (MassTransit does not expose queue lengths). A broker that cannot be
/// reached leaves the last figure and is tried again at the next tick.
/// </summary>
public sealed partial class QueueDepthProbe : BackgroundService
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);

    private readonly SchedulerSettings settings;
    private readonly ILogger<QueueDepthProbe> logger;
    private long depth;

    public QueueDepthProbe(IMeterFactory meters, SchedulerSettings settings, ILogger<QueueDepthProbe> logger)
    {
        this.settings = settings;
        this.logger = logger;
        meters.Create(SchedulerMetrics.MeterName).CreateObservableGauge(
            "platform.scheduler.queue_depth", () => Interlocked.Read(ref depth), "{message}", "Pods waiting in the scheduler's queue (ready messages)");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = settings.RabbitMqUrl, ClientProvidedName = "scheduler-queue-depth" };
        using var timer = new PeriodicTimer(ProbeEvery);
        IConnection? connection = null;
        try
        {
            do
            {
                try
                {
                    connection ??= await factory.CreateConnectionAsync(stoppingToken);
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                    var queue = await channel.QueueDeclarePassiveAsync(QueueNames.Scheduler, stoppingToken);
                    Interlocked.Exchange(ref depth, queue.MessageCount);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogProbeFailed(e);
                    if (connection is { IsOpen: false })
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Could not read the scheduler queue's depth")]
    private partial void LogProbeFailed(Exception e);
}
