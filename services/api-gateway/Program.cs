using MassTransit;
using Platform.ApiGateway.Api;
using Platform.ApiGateway.Controllers;
using Platform.ApiGateway.Hosting;
using Platform.ApiGateway.Ingress;
using Platform.ApiGateway.Messaging;
using Platform.ApiGateway.Observability;
using Platform.ApiGateway.Discovery;
using Platform.ApiGateway.Resources;
using Platform.ApiGateway.Watching;
using Platform.Contracts;
using Platform.Grains;
using Platform.Grains.Pods;
using Platform.Messaging;
using Platform.Observability;

var builder = WebApplication.CreateBuilder(args);
var settings = GatewaySettings.From(builder.Configuration);

var certificate = ServingCertificate.LoadOrCreate(settings.TlsDirectory);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = ManifestBody.MaxBytes + 1;
    kestrel.Listen(ListenAddress.Of(settings.ListenUrl), settings.ListenUrl.Port);
    kestrel.Listen(ListenAddress.Of(settings.SecureListenUrl), settings.SecureListenUrl.Port, listen => listen.UseHttps(certificate));
});
builder.UseOrleans(silo => SiloSetup.ConfigureSilo(silo, settings));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPodMessenger, BusPodMessenger>();
builder.Services.AddHostedService<PodResyncService>();
builder.Services.AddHostedService<WorkloadResyncService>();
builder.Services.AddSingleton<MessagePathHealth>();
builder.Services.AddHostedService<HeartbeatPathWatcher>();
builder.Services.AddHostedService<NodeLifecycleService>();
builder.Services.Configure<ControlPlaneOptions>(options =>
{
    options.NodeHeartbeatGracePeriod = settings.NodeGracePeriod;
    options.ServiceCidr = builder.Configuration["PLATFORM_SERVICE_CIDR"] ?? options.ServiceCidr;
});
builder.Services.Configure<Platform.Grains.Autoscaling.AutoscalerOptions>(options => AutoscalerSettings.Read(builder.Configuration, options));
builder.Services.AddSingleton<WatchHub>();
builder.Services.AddHostedService(services => services.GetRequiredService<WatchHub>());
builder.Services.AddIngress();
builder.Services.AddPlatformMetrics();
builder.Services.AddHostedService<GatewayMetrics>();
builder.Services.AddHttpClient(LogEndpoints.AgentClient, client => client.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddPlatformBus(
    settings.RabbitMqUrl,
    bus =>
    {
        bus.AddConsumer<PodStatusChangedConsumer>();
        bus.AddConsumer<NodeRegisteredConsumer>();
        bus.AddConsumer<NodeHeartbeatConsumer>();
        bus.AddConsumer<ImagePulledConsumer>();
        bus.AddConsumer<NodeMetricsSampledConsumer>();
    },
    (context, rabbit) =>
    {
        rabbit.ReceiveEndpoint(QueueNames.GatewayPodStatus, e => e.ConfigureConsumer<PodStatusChangedConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayNodeRegistration, e => e.ConfigureConsumer<NodeRegisteredConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayNodeHeartbeat, e => e.ConfigureConsumer<NodeHeartbeatConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayImagePulled, e => e.ConfigureConsumer<ImagePulledConsumer>(context));
        rabbit.ReceiveEndpoint(QueueNames.GatewayMetrics, e =>
        {
            // Samples are lossy by nature: a transient queue, gone with the gateway, no retries of stale ones.
            e.Durable = false;
            e.AutoDelete = true;
            e.ConfigureConsumer<NodeMetricsSampledConsumer>(context);
        });
    });

var app = builder.Build();
// The ingress's host form rewrites the path before routing (so routing is placed after it) and before the token check.
app.UseIngressHosts();
app.UseRouting();
var token = AdminTokenAuthentication.LoadToken(settings.AdminTokenFile, app.Logger);
if (token is not null)
{
    // Without a token the API is open (LoadToken warned); the middleware cannot be built with a null argument.
    app.UseMiddleware<AdminTokenAuthentication>(token);
}

app.UseWebSockets();
var registry = ResourceRegistry.Default();
app.MapServerInfo();
app.MapPlatformMetrics();
app.MapDiscovery(registry);
app.MapOpenApi();
app.MapResources(registry);
app.MapScale();
app.MapPodLogs();
app.MapPodExec();
app.MapPodPortForward();
app.MapImages();
app.MapVolumes();
app.MapIngress();
app.MapFallback(context => ApiErrors.Failure(404, "NotFound", $"the server could not find the requested resource ({context.Request.Path})").ExecuteAsync(context));
app.Run();
