using System.Diagnostics.Metrics;
using Platform.Api.Model;
using Platform.ApiGateway.Resources.Kinds;

namespace Platform.ApiGateway.Observability;

/// <summary>
/// The gateway's own figures for /metrics (API request counts and durations come from ASP.NET Core): pods by
/// phase, counted from the pod grains every few seconds, since a gauge's callback cannot wait on grains.
/// </summary>
public sealed partial class GatewayMetrics : BackgroundService
{
    public const string MeterName = "Platform.ApiGateway";

    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(5);
    private static readonly string[] Phases = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];
    private static readonly PodResource Pods = new();

    private readonly IGrainFactory grains;
    private readonly ILogger<GatewayMetrics> logger;
    private IReadOnlyDictionary<string, int> podsByPhase = new Dictionary<string, int>();

    public GatewayMetrics(IMeterFactory meters, IGrainFactory grains, ILogger<GatewayMetrics> logger)
    {
        this.grains = grains;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("platform.pods", ObservePods, "{pod}", "Pods by phase");
    }

    private IEnumerable<Measurement<int>> ObservePods()
    {
        var counts = podsByPhase;
        return Phases.Select(phase => new Measurement<int>(counts.GetValueOrDefault(phase), new KeyValuePair<string, object?>("phase", phase)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CountEvery);
        do
        {
            try
            {
                var pods = await Pods.List(grains, null);
                podsByPhase = pods.Cast<Pod>().GroupBy(p => p.Status?.Phase ?? "Pending").ToDictionary(g => g.Key, g => g.Count());
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Debug, "Could not count pods by phase for /metrics")]
    private partial void LogCountFailed(Exception e);
}
