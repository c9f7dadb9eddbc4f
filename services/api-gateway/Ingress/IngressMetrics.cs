using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// What the ingress measures: requests and their latency per Service (the Meter "Platform.Ingress", which
/// the gateway's /metrics exports), and the running total of requests sent to each pod, which
/// <see cref="PodRequestReporter"/> hands to the pods' metrics grains for the autoscaler.
/// </summary>
public sealed class IngressMetrics : IDisposable
{
    public const string MeterName = "Platform.Ingress";
    private readonly Meter meter;
    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;
    private readonly ConcurrentDictionary<string, StrongBox> podTotals = new(StringComparer.Ordinal);

    public IngressMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        requests = meter.CreateCounter<long>("platform_ingress_requests_total", description: "HTTP requests routed by the ingress, by namespace, service and status code.");
        duration = meter.CreateHistogram<double>("platform_ingress_request_duration_seconds", unit: "s", description: "Time from the request reaching the ingress to the end of the response, by namespace, service and status code.");
    }

    public void Record(string @namespace, string service, int code, TimeSpan elapsed)
    {
        var tags = new System.Diagnostics.TagList { { "namespace", @namespace }, { "service", service }, { "code", code } };
        requests.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>One more request sent to the pod (key namespace/name).</summary>
    public void CountPodRequest(string pod) => Interlocked.Increment(ref podTotals.GetOrAdd(pod, _ => new StrongBox()).Value);

    /// <summary>Starts a pod's total at 0 if it has none (a pod in rotation that has had no request yet).</summary>
    public void TrackPod(string pod) => podTotals.GetOrAdd(pod, _ => new StrongBox());

    /// <summary>Each pod's total so far.</summary>
    public IReadOnlyList<(string Pod, long Total)> PodTotals() => podTotals.Select(p => (p.Key, Interlocked.Read(ref p.Value.Value))).ToList();

    /// <summary>Forgets a pod that left every Service (its total is reported one last time before).</summary>
    public void Forget(string pod) => podTotals.TryRemove(pod, out _);

    public void Dispose() => meter.Dispose();

    private sealed class StrongBox
    {
        public long Value;
    }
}
