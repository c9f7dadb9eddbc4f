using MassTransit;
using Orleans.Serialization;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Messaging;
using Platform.Scheduler;
using Platform.Scheduling;
using Platform.Storage.Postgres;

var builder = Host.CreateApplicationBuilder(args);
var settings = SchedulerSettings.From(builder.Configuration);

builder.UseOrleansClient(client =>
{
    if (settings.PostgresConnectionString is { } connectionString)
    {
        client.UsePostgresClustering(new PostgresOptions { ConnectionString = connectionString }, clusterId: "platform", serviceId: "platform");
    }
    else
    {
        client.UseLocalhostClustering(settings.OrleansGatewayPort, serviceId: "platform", clusterId: "platform");
    }

    client.Services.AddSerializer(serializer => serializer.AddPlatformTypes());
    // The gateway's silo may start after the scheduler, or restart under it: keep trying.
    client.UseConnectionRetryFilter(async (_, cancellationToken) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    });
});
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(Placement.Default);
builder.Services.AddSingleton<ClusterView>();
builder.Services.AddPlatformBus(
    settings.RabbitMqUrl,
    bus => bus.AddConsumer<PodScheduleRequestedConsumer>(),
    (context, rabbit) => rabbit.DirectEndpoint(QueueNames.Scheduler, e => e.ConfigureConsumer<PodScheduleRequestedConsumer>(context)));

builder.Build().Run();
