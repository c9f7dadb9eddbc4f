using MassTransit;
using Platform.Contracts;
using Platform.Messaging;
using Platform.Observability;
using Platform.NodeAgent;
using Platform.NodeAgent.Exec;
using Platform.NodeAgent.Builds;
using Platform.NodeAgent.ClusterServices;
using Platform.NodeAgent.Logs;
using Platform.NodeAgent.Metrics;
using Platform.NodeAgent.Messaging;
using Platform.NodeAgent.Networking;
using Platform.NodeAgent.Node;
using Platform.NodeAgent.Pods;
using Platform.NodeAgent.PortForward;
using Platform.NodeAgent.Runtime;
using Platform.NodeAgent.Volumes;

var builder = WebApplication.CreateBuilder(args);
var settings = NodeAgentSettings.From(builder.Configuration);

builder.WebHost.UseUrls(settings.ListenUrl.ToString());
builder.Services.AddSingleton(settings);
// Containers outlive the agent, so stopping it has nothing long to wait for; an open log-follow or exec
// stream must not hold the stop past what `./platform down` (and the test fixture) wait before SIGKILL.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));
builder.Services.AddSingleton(NodeRegistrationSettings.From(builder.Configuration));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddContainerLauncher(settings);
if (settings.ContainerRuntime == NodeAgentSettings.PlatformRuntime)
{
    builder.Services.AddImageBuilds();
}

builder.Services.AddSingleton<PodStore>();
builder.Services.AddSingleton<NamedVolumeStore>();
builder.Services.AddSingleton<PodVolumes>();
builder.Services.AddSingleton<ExecSession>();
builder.Services.AddSingleton<StatusReporter>();
builder.Services.AddSingleton<Platform.NodeAgent.Pods.Probes.ProbeExecutor>();
builder.Services.AddHostedService(services => services.GetRequiredService<StatusReporter>());
builder.Services.AddPodNetworking(builder.Configuration, settings);
builder.Services.AddClusterServices();
builder.Services.AddSingleton<PodSupervisor>();
builder.Services.AddHostedService(services => services.GetRequiredService<PodSupervisor>());
builder.Services.AddHostedService<NodeRegistrationService>();
builder.Services.AddPlatformMetrics();
builder.Services.AddSingleton<NodeAgentMetrics>();
builder.Services.AddHostedService<MetricsSampler>();
builder.Services.AddPlatformBus(
    settings.RabbitMqUrl,
    bus =>
    {
        bus.AddConsumer<StartPodConsumer>();
        bus.AddConsumer<StopPodConsumer>();
        bus.AddClusterServiceConsumers();
    },
    (context, rabbit) =>
    {
        rabbit.DirectEndpoint(QueueNames.Node(settings.NodeName), endpoint =>
        {
            // A start returns once its worker runs, but a stop waits out the pod's grace period: with MassTransit's
            // default (twice the cores) a node deleting many pods stopped four at a time, as the kubelet does not.
            endpoint.PrefetchCount = PodSupervisor.ConcurrentPodMessages;
            endpoint.ConcurrentMessageLimit = PodSupervisor.ConcurrentPodMessages;
            endpoint.ConfigureConsumer<StartPodConsumer>(context);
            endpoint.ConfigureConsumer<StopPodConsumer>(context);
        });
        rabbit.ServicesEndpoint(context, settings.NodeName);
    });

var app = builder.Build();
app.UseWebSockets();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapPlatformMetrics();
app.MapContainerLogs();
app.MapNamedVolumes();
app.MapContainerExec();
app.MapPodPortForward();
if (settings.ContainerRuntime == NodeAgentSettings.PlatformRuntime)
{
    app.MapBuilds();
}

app.Run();
