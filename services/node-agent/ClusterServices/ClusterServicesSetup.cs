using MassTransit;
using Platform.Contracts;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>Wires the Services' data path into the agent: the table fed from the bus, their DNS names and the cluster IP proxy.</summary>
public static class ClusterServicesSetup
{
    public static IServiceCollection AddClusterServices(this IServiceCollection services)
    {
        services.AddSingleton<ServiceTable>();
        services.AddSingleton<ServiceNames>();
        services.AddSingleton<AttachedSubnets>();
        services.AddHostedService<ServiceProxy>();
        return services.AddHostedService<ServiceRoutingSync>();
    }

    public static void AddClusterServiceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ServiceRoutingChangedConsumer>();
        bus.AddConsumer<ServiceRoutingSnapshotConsumer>();
    }

    /// <summary>
    /// The node's own services queue, bound to the published changes and snapshots; one message at a time, in
    /// order. Plain durable (no queue arguments), since the gateway also sends snapshots to it by name and a
    /// declaration with other arguments would be refused; the messages carry a time to live instead.
    /// </summary>
    public static void ServicesEndpoint(this IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context, string nodeName) =>
        rabbit.ReceiveEndpoint(QueueNames.NodeServices(nodeName), endpoint =>
        {
            endpoint.PrefetchCount = 16;
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.ConfigureConsumer<ServiceRoutingChangedConsumer>(context);
            endpoint.ConfigureConsumer<ServiceRoutingSnapshotConsumer>(context);
        });
}
