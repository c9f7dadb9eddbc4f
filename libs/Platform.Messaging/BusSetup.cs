using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging;

/// <summary>
/// The one place that configures MassTransit on RabbitMQ. Endpoints are declared explicitly by each
/// service (no convention-based endpoint discovery), queues are durable and messages persistent.
/// </summary>
public static class BusSetup
{
    /// <summary>Retries inside the consumer before a message goes back to its queue.</summary>
    private static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public static IServiceCollection AddPlatformBus(
        this IServiceCollection services,
        Uri rabbitMqUrl,
        Action<IBusRegistrationConfigurator> addConsumers,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> configureEndpoints)
    {
        services.AddMassTransit(bus =>
        {
            // MassTransit would report usage to its vendor over the internet; the platform talks to nothing outside.
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            addConsumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(rabbitMqUrl, host =>
                {
                    host.PublisherConfirmation = true;
                    host.Heartbeat(TimeSpan.FromSeconds(5));
                });
                rabbit.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
                configureEndpoints(context, rabbit);
            });
        });
        return services;
    }

    /// <summary>A receive endpoint that takes only what is sent to it by name, not published types.</summary>
    public static void DirectEndpoint(this IRabbitMqBusFactoryConfigurator rabbit, string queue, Action<IRabbitMqReceiveEndpointConfigurator> configure) =>
        rabbit.ReceiveEndpoint(queue, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.Durable = true;
            configure(endpoint);
        });

    /// <summary>The address to send to a named durable queue.</summary>
    public static Uri QueueAddress(string queue) => new($"queue:{queue}");
}
