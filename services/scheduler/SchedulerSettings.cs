using System.Globalization;

namespace Platform.Scheduler;

/// <summary>The scheduler's settings, read from PLATFORM_* environment variables.</summary>
public sealed record SchedulerSettings(Uri RabbitMqUrl, int OrleansGatewayPort)
{
    public static SchedulerSettings From(IConfiguration configuration) => new(
        new Uri(configuration["PLATFORM_RABBITMQ_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"),
        int.Parse(configuration["PLATFORM_ORLEANS_GATEWAY_PORT"] ?? "30000", CultureInfo.InvariantCulture));
}
