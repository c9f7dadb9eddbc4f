using MassTransit;
using Platform.Api.Model;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Messaging;
using Platform.Scheduling;

namespace Platform.Scheduler;

/// <summary>
/// Places one pod. Each step is idempotent (reserve by uid, bind to the same node, StartPod by uid),
/// so a redelivered request, or two schedulers racing for one pod, end with one placement.
/// </summary>
public sealed partial class PodScheduleRequestedConsumer(
    IGrainFactory grains,
    ClusterView cluster,
    Placement placement,
    SchedulerMetrics metrics,
    TimeProvider time,
    ILogger<PodScheduleRequestedConsumer> logger) : IConsumer<PodScheduleRequested>
{
    /// <summary>A reservation can lose a race with another scheduler; then the view is re-read.</summary>
    private const int MaxAttempts = 3;

    public async Task Consume(ConsumeContext<PodScheduleRequested> context)
    {
        var started = time.GetTimestamp();
        metrics.Started();
        var result = SchedulerMetrics.Error;
        try
        {
            result = await Schedule(context);
        }
        finally
        {
            metrics.Finished(result, time.GetElapsedTime(started), time.GetUtcNow() - context.Message.RequestedAt);
        }
    }

    /// <summary>Places the pod; returns the attempt's result as the metrics name it.</summary>
    private async Task<string> Schedule(ConsumeContext<PodScheduleRequested> context)
    {
        var request = context.Message;
        var podGrain = grains.GetGrain<IPodGrain>(GrainKeys.Pod(request.Namespace, request.Name));
        var pod = await podGrain.Get();
        if (pod is null || pod.Metadata.Uid != request.Uid || pod.Metadata.DeletionTimestamp is not null || PodPhases.IsTerminal(pod.Status?.Phase))
        {
            return "skipped";
        }

        // A redelivered request for a pod already bound only re-sends StartPod: its capacity is reserved.
        var nodeName = IsBound(pod) ? pod.Spec.NodeName : await PlaceAndBind(podGrain, pod);
        if (nodeName is not null)
        {
            var start = new StartPod(request.Namespace, request.Name, request.Uid, nodeName, pod.Spec);
            await context.SendWithin(BusSetup.QueueAddress(QueueNames.Node(nodeName)), start, BoundedDelivery.DefaultTimeout, context.CancellationToken);
            LogPlaced(request.Namespace, request.Name, nodeName);
            return SchedulerMetrics.Scheduled;
        }

        return SchedulerMetrics.Unschedulable;
    }

    private static bool IsBound(Pod pod) =>
        pod.Spec.NodeName is not null && pod.Status?.Conditions?.Any(c => c is { Type: "PodScheduled", Status: "True" }) == true;

    /// <summary>The node the pod is bound to after this call, or null when it fits nowhere now.</summary>
    private async Task<string?> PlaceAndBind(IPodGrain podGrain, Pod pod)
    {
        var uid = pod.Metadata.Uid!;
        var reservation = new PodReservation(uid, pod.Spec.Requests(), pod.Metadata.Namespace, pod.Metadata.Labels, HostPortClaim.Of(pod.Spec));
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // A pod whose author named its node skips placement, as in Kubernetes; the node still reserves.
            var nodeName = pod.Spec.NodeName ?? await Choose(podGrain, pod);
            if (nodeName is null)
            {
                return null;
            }

            var node = grains.GetGrain<INodeGrain>(nodeName);
            var reserved = await node.Reserve(reservation);
            if (!reserved.Reserved)
            {
                LogReservationRefused(pod.Metadata.Namespace, pod.Metadata.Name, nodeName, reserved.Reason);
                if (pod.Spec.NodeName is not null)
                {
                    await podGrain.RecordUnschedulable(uid, $"node {nodeName} refused the pod: {reserved.Reason}");
                    return null;
                }

                continue;
            }

            var bind = await podGrain.Bind(uid, nodeName);
            if (bind.Bound)
            {
                return nodeName;
            }

            await node.Release(uid);
            return bind.NodeName;
        }

        return null;
    }

    /// <summary>Runs the placement pipeline on a fresh view; when no node fits, the pod records why.</summary>
    private async Task<string?> Choose(IPodGrain podGrain, Pod pod)
    {
        var (request, nodes) = await cluster.Read(pod);
        var decision = placement.Place(request, nodes);
        if (!decision.Placed)
        {
            var message = decision.Explain(nodes.Count);
            LogUnschedulable(pod.Metadata.Namespace, pod.Metadata.Name, message);
            await podGrain.RecordUnschedulable(pod.Metadata.Uid!, message);
        }

        return decision.NodeName;
    }

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} placed on {Node}")]
    private partial void LogPlaced(string @namespace, string name, string node);

    [LoggerMessage(LogLevel.Information, "Node {Node} refused pod {Namespace}/{Name}: {Reason}")]
    private partial void LogReservationRefused(string? @namespace, string? name, string node, string? reason);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} fits nowhere yet: {Reason}")]
    private partial void LogUnschedulable(string? @namespace, string? name, string reason);
}
