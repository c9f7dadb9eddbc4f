using MassTransit;
using Platform.ApiGateway.Api;
using Platform.ApiGateway.Controllers;
using Platform.ApiGateway.Hosting;
using Platform.ApiGateway.Messaging;
using Platform.Contracts;
using Platform.Grains.Pods;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
var settings = GatewaySettings.From(builder.Configuration);

builder.WebHost.UseUrls(settings.ListenUrl.ToString());
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ManifestBody.MaxBytes + 1);
builder.UseOrleans(silo => SiloSetup.ConfigureSilo(silo, settings));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPodMessenger, BusPodMessenger>();
builder.Services.AddHostedService<PodResyncService>();
builder.Services.AddHttpClient(LogEndpoints.AgentClient, client => client.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddPlatformBus(
    settings.RabbitMqUrl,
    bus =>
    {
        bus.AddConsumer<PodStatusChangedConsumer>();
        bus.AddConsumer<NodeRegisteredConsumer>();
        bus.AddConsumer<NodeHeartbeatConsumer>();
        bus.AddConsumer<ImagePulledConsumer>();
    },
    (context, rabbit) =>
    {
        rabbit.ReceiveEndpoint(QueueNames.GatewayPodStatus, e => e.ConfigureConsumer<PodStatusChangedConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayNodeRegistration, e => e.ConfigureConsumer<NodeRegisteredConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayNodeHeartbeat, e => e.ConfigureConsumer<NodeHeartbeatConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayImagePulled, e => e.ConfigureConsumer<ImagePulledConsumer>(context));
    });

var app = builder.Build();
var token = AdminTokenAuthentication.LoadToken(settings.AdminTokenFile, app.Logger);
if (token is not null)
{
    // Without a token the API is open (LoadToken warned); the middleware cannot be built with a null argument.
    app.UseMiddleware<AdminTokenAuthentication>(token);
}

app.UseWebSockets();
app.MapServerInfo();
app.MapPods();
app.MapPodLogs();
app.MapPodExec();
app.MapNodes();
app.MapImages();
app.MapVolumes();
app.MapFallback(context => ApiErrors.Failure(404, "NotFound", $"the server could not find the requested resource ({context.Request.Path})").ExecuteAsync(context));
app.Run();
