using Platform.Api.Model;
using Platform.Api.Selection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Metrics;
using Platform.Grains.Workloads;

namespace Platform.Grains.Autoscaling;

/// <summary>The pods of a scale target, each with its usage over the metrics window (null when none is known).</summary>
internal sealed record TargetPod(Pod Pod, PodUsage? Usage);

internal static class TargetPods
{
    /// <summary>
    /// The target's pods the selector matches, with their usage read from their metrics grains. Only pods named under
    /// the Deployment (its ReplicaSets' pods, <see cref="PodNames.PrefixUnder"/>) are read, not every pod of the
    /// namespace each pass; a bare pod that merely carries the selector's labels is not counted (Kubernetes counts it).
    /// </summary>
    public static async Task<IReadOnlyList<TargetPod>> Read(IGrainFactory grains, Deployment target, TimeSpan window)
    {
        var @namespace = target.Metadata.Namespace!;
        var selection = LabelSelection.From(target.Spec.Selector);
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.PodIndex).List($"{@namespace}/{PodNames.PrefixUnder(target.Metadata.Name!)}");
        var pods = await Task.WhenAll(keys.Select(k => grains.GetGrain<IPodGrain>(k).Get()));
        var selected = pods.OfType<Pod>().Where(p => selection.Matches(p.Metadata.Labels)).ToList();
        var usages = await Task.WhenAll(selected.Select(p => UsageOf(grains, p, window)));
        return selected.Zip(usages, (pod, usage) => new TargetPod(pod, usage)).ToList();
    }

    /// <summary>A pod whose metrics cannot be read counts as missing its metric, which the algorithm handles conservatively.</summary>
    private static async Task<PodUsage?> UsageOf(IGrainFactory grains, Pod pod, TimeSpan window)
    {
        try
        {
            return await grains.GetGrain<IPodMetricsGrain>(GrainKeys.Pod(pod.Metadata.Namespace!, pod.Metadata.Name!)).GetUsage(window);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
