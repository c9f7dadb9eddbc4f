using MassTransit;
using Orleans.Serialization;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Messaging;
using Platform.Observability;
using Platform.Scheduler;
using Platform.Scheduling;

// A web host only for /metrics: the scheduler's work arrives over RabbitMQ.
var builder = WebApplication.CreateBuilder(args);
var settings = SchedulerSettings.From(builder.Configuration);
builder.WebHost.UseUrls(settings.MetricsUrl.ToString());
builder.Services.AddPlatformMetrics();
builder.Services.AddSingleton<SchedulerMetrics>();
builder.Services.AddHostedService<QueueDepthProbe>();
builder.Services.AddSingleton(TimeProvider.System);

builder.UseOrleansClient(client =>
{
    client.UseLocalhostClustering(settings.OrleansGatewayPort, serviceId: "platform", clusterId: "platform");
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

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapPlatformMetrics();
app.Run();
