using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Platform.Api.Model;
using Platform.ApiGateway.Resources.Kinds;
using Platform.ApiGateway.Watching;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Observability;

/// <summary>
/// The gateway's own figures for /metrics (API request counts and durations come from ASP.NET Core): pods by
/// phase, kept as an informer keeps them: one list, then every pod change from the <see cref="WatchHub"/>, so a
/// scrape costs nothing and the gateway does not read every pod grain periodically. A watch that falls behind
/// lists again.
/// </summary>
public sealed partial class GatewayMetrics : ChangeFollower
{
    public const string MeterName = "Platform.ApiGateway";

    private const string Resource = "pods";
    private static readonly string[] Phases = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];
    private static readonly PodResource Pods = new();

    private readonly IGrainFactory grains;
    private readonly ILogger<GatewayMetrics> logger;

    /// <summary>namespace/name → (revision, phase); written by the informer loop only, read by the gauge.</summary>
    private readonly Dictionary<string, (long Revision, string Phase)> phases = [];
    private IReadOnlyDictionary<string, int> podsByPhase = new Dictionary<string, int>();

    public GatewayMetrics(IMeterFactory meters, IGrainFactory grains, WatchHub hub, ILogger<GatewayMetrics> logger)
        : base(hub)
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

    protected override void OnFollowFailed(Exception e) => LogFollowFailed(e);

    protected override async Task FollowAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        phases.Clear();
        foreach (var pod in (await Pods.List(grains, null)).Cast<Pod>())
        {
            phases[Key(pod.Metadata.Namespace, pod.Metadata.Name!)] = (RevisionOf(pod.Metadata.ResourceVersion), PhaseOf(pod.Status?.Phase));
        }

        Publish();
        while (await watcher.Changes.WaitToReadAsync(cancellationToken))
        {
            var changed = false;
            while (watcher.Changes.TryRead(out var change))
            {
                changed |= Apply(change);
            }

            if (changed)
            {
                Publish();
            }
        }

        // The hub expired this watch (it fell behind, or the log restarted): list again.
    }

    private bool Apply(ChangeEvent change)
    {
        if (change.Resource != Resource)
        {
            return false;
        }

        var key = Key(change.Namespace, change.Name);
        if (phases.TryGetValue(key, out var held) && held.Revision >= change.Revision)
        {
            return false;
        }

        if (change.Type == ChangeTypes.Deleted)
        {
            return phases.Remove(key);
        }

        phases[key] = (change.Revision, PhaseOf(ReadPhase(change.Json)));
        return true;
    }

    private void Publish() =>
        podsByPhase = phases.Values.GroupBy(p => p.Phase).ToDictionary(g => g.Key, g => g.Count());

    private static string? ReadPhase(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("status", out var status)
               && status.ValueKind == JsonValueKind.Object
               && status.TryGetProperty("phase", out var phase)
               && phase.ValueKind == JsonValueKind.String
            ? phase.GetString()
            : null;
    }

    private static string PhaseOf(string? phase) => phase ?? "Pending";

    private static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    private static long RevisionOf(string? resourceVersion) =>
        long.TryParse(resourceVersion, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    [LoggerMessage(LogLevel.Warning, "Following pods for /metrics failed; listing again")]
    private partial void LogFollowFailed(Exception e);
}
