using System.Globalization;

namespace Platform.Scheduler;

/// <summary>The scheduler's settings, read from PLATFORM_* environment variables.</summary>
/// <param name="DefaultRegistry">
/// HOST:PORT of the image store: an image name without a registry names it, as on the node agents,
/// so that the scheduler finds the image's grain under the same reference.
/// </param>
/// <param name="MetricsUrl">Where the scheduler serves /metrics (PLATFORM_SCHEDULER_METRICS_URL, 127.0.0.1:10251); each replica needs its own.</param>
public sealed record SchedulerSettings(Uri RabbitMqUrl, int OrleansGatewayPort, string DefaultRegistry, Uri MetricsUrl)
{
    public static SchedulerSettings From(IConfiguration configuration) => new(
        new Uri(configuration["PLATFORM_RABBITMQ_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"),
        int.Parse(configuration["PLATFORM_ORLEANS_GATEWAY_PORT"] ?? "30000", CultureInfo.InvariantCulture),
        new Uri(configuration["PLATFORM_IMAGE_STORE_URL"] ?? "http://127.0.0.1:5000").Authority,
        new Uri(configuration["PLATFORM_SCHEDULER_METRICS_URL"] ?? "http://127.0.0.1:10251"));
}
