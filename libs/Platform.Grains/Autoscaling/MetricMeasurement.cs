using System.Globalization;
using Platform.Api.Model;
using Platform.Autoscaling;
using Platform.Grains.Abstractions.Metrics;

namespace Platform.Grains.Autoscaling;

/// <summary>
/// One metric of an autoscaler measured on the target's pods: the samples the replica calculator needs, its proposal,
/// and the status entry (currentMetrics) that shows what was seen.
/// </summary>
internal static class MetricMeasurement
{
    public static (MetricResult Result, MetricStatus? Status) Measure(
        MetricSpec spec, IReadOnlyList<TargetPod> pods, int currentReplicas, DateTimeOffset now, ReplicaCalculator calculator) =>
        spec.Type == HpaNames.PodsMetric ? MeasurePods(spec.Pods!, pods, currentReplicas, now, calculator) : MeasureResource(spec.Resource!, pods, currentReplicas, now, calculator);

    private static (MetricResult, MetricStatus?) MeasureResource(ResourceMetricSource source, IReadOnlyList<TargetPod> pods, int current, DateTimeOffset now, ReplicaCalculator calculator)
    {
        var resource = source.Name!;
        var utilization = source.Target.Type == HpaNames.Utilization;
        var description = utilization ? $"{resource} resource utilization (percentage of request)" : $"{resource} resource";
        const string failureReason = "FailedGetResourceMetric";
        var samples = pods.Select(p => Sample(p, ResourceValue(p.Usage, resource), RequestOf(p.Pod, resource))).ToList();
        if (pods.Count > 0 && samples.All(s => s.Metric is null))
        {
            return (new MetricResult(description, failureReason, MetricProposal.Failed(
                $"failed to get {resource} utilization: unable to get metrics for resource {resource}: no metrics returned from resource metrics API")), null);
        }

        var proposal = utilization
            ? calculator.Utilization(samples, current, source.Target.AverageUtilization!.Value, resource, now)
            : calculator.AverageValue(samples, current, TargetValue(source.Target, resource), resource, now);
        if (!proposal.Succeeded)
        {
            return (new MetricResult(description, failureReason, proposal with { Error = $"failed to get {resource} utilization: {proposal.Error}" }), null);
        }

        var status = new MetricStatus
        {
            Type = HpaNames.ResourceMetric,
            Resource = new ResourceMetricStatus
            {
                Name = resource,
                Current = new MetricValueStatus { AverageUtilization = proposal.Utilization, AverageValue = FormatResource(proposal.AverageValue, resource) },
            },
        };
        return (new MetricResult(description, failureReason, proposal), status);
    }

    private static (MetricResult, MetricStatus?) MeasurePods(PodsMetricSource source, IReadOnlyList<TargetPod> pods, int current, DateTimeOffset now, ReplicaCalculator calculator)
    {
        var name = source.Metric.Name!;
        var description = $"pods metric {name}";
        const string failureReason = "FailedGetPodsMetric";
        var samples = pods.Select(p => Sample(p, p.Usage?.RequestsPerSecond, request: null)).ToList();
        if (pods.Count > 0 && samples.All(s => s.Metric is null))
        {
            return (new MetricResult(description, failureReason, MetricProposal.Failed(
                $"failed to get pods metric value: unable to get metric {name}: no metrics returned for the target's pods")), null);
        }

        var proposal = calculator.AverageValue(samples, current, TargetValue(source.Target, resource: null), resource: null, now);
        if (!proposal.Succeeded)
        {
            return (new MetricResult(description, failureReason, proposal with { Error = $"failed to get pods metric value: {proposal.Error}" }), null);
        }

        var status = new MetricStatus
        {
            Type = HpaNames.PodsMetric,
            Pods = new PodsMetricStatus
            {
                Metric = new MetricIdentifier { Name = name },
                Current = new MetricValueStatus { AverageValue = FormatPlain(proposal.AverageValue) },
            },
        };
        return (new MetricResult(description, failureReason, proposal), status);
    }

    private static PodSample Sample(TargetPod target, double? value, double? request)
    {
        var pod = target.Pod;
        var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        return new PodSample(
            pod.Metadata.Name!,
            pod.Status?.Phase,
            pod.Metadata.DeletionTimestamp is not null,
            ready is null ? null : new PodReadiness(ready.Status == "True", ready.LastTransitionTime ?? pod.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue),
            pod.Status?.StartTime ?? pod.Metadata.CreationTimestamp,
            request,
            value is { } v && target.Usage is { } usage ? new MetricSample(v, usage.Timestamp, usage.Window) : null);
    }

    private static double? ResourceValue(PodUsage? usage, string resource) => usage is null
        ? null
        : resource == ResourceNames.Cpu ? usage.CpuMillicores : usage.MemoryWorkingSetBytes;

    /// <summary>The sum of the containers' requests (a limit stands for a missing request); null if a container has neither.</summary>
    private static double? RequestOf(Pod pod, string resource)
    {
        double total = 0;
        foreach (var container in pod.Spec.Containers)
        {
            var text = container.Resources?.Requests?.GetValueOrDefault(resource) ?? container.Resources?.Limits?.GetValueOrDefault(resource);
            if (text is null || !Quantity.TryParse(text, out var value))
            {
                return null;
            }

            total += (double)(resource == ResourceNames.Cpu ? Quantity.ToMilli(value) : Quantity.ToWhole(value));
        }

        return total;
    }

    /// <summary>An AverageValue target in the units the samples use: millicores for cpu, bytes for memory, plain numbers otherwise.</summary>
    private static double TargetValue(MetricTarget target, string? resource)
    {
        Quantity.TryParse(target.AverageValue, out var value);
        return resource == ResourceNames.Cpu ? Quantity.ToMilli(value) : (double)value;
    }

    private static string FormatResource(double average, string resource) => resource == ResourceNames.Cpu
        ? Quantity.FormatMilliCpu((long)Math.Round(average))
        : ((long)Math.Round(average)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A quantity as Kubernetes prints a fractional one: whole numbers plain, others in thousandths ("12500m").</summary>
    private static string FormatPlain(double value)
    {
        var milli = (long)Math.Round(value * 1000);
        return milli % 1000 == 0 ? (milli / 1000).ToString(CultureInfo.InvariantCulture) : $"{milli}m";
    }
}
