using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Contracts;
using Platform.Grains.Abstractions;
using Platform.Grains.Eventing;
using Platform.Grains.Services;
using Platform.Grains.Lifecycle;

namespace Platform.Grains.Pods;

/// <summary>
/// The live model of one pod. State is written before any message is sent, so a crash between the
/// two is repaired by <see cref="Resync"/>; every message it sends is safe to receive twice.
/// </summary>
public sealed partial class PodGrain(
    [PersistentState("pod", StorageNames.ControlPlane)] IPersistentState<PodRecord> state,
    IPodMessenger messenger,
    TimeProvider time,
    ILogger<PodGrain> logger) : Grain, IPodGrain
{
    private static readonly StoredKind Kind = new("pods", "pods", GrainKeys.PodIndex);
    private const string NodeLostReason = "NodeLost";
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private ObjectLifecycle<Pod>? lifecycle;

    private Pod? Pod => state.State.Pod;

    private DateTimeOffset Now => time.GetUtcNow();

    public Task<Pod?> Get() => Task.FromResult(Pod);

    public async Task<WriteResult<Pod>> Create(Pod pod)
    {
        if (Pod is not null)
        {
            return new(WriteOutcome.AlreadyExists, Pod, Message: $"pods \"{Pod.Metadata.Name}\" already exists");
        }

        await Lifecycle.CreateAsync(pod, kept =>
        {
            kept.Status = new PodStatus { Phase = PodPhases.Pending };
            PodConditions.Set(kept.Status, "PodScheduled", false, kept.Metadata.CreationTimestamp!.Value);
            state.State = new PodRecord { Pod = kept };
        });
        await GrainFactory.NotifyOwner(pod, gone: false);
        await GrainFactory.NotifyServices(pod, gone: false);
        await RequestScheduling();
        LogCreated(pod.Metadata.Namespace, pod.Metadata.Name, pod.Metadata.Uid);
        return new(WriteOutcome.Created, pod);
    }

    public async Task<WriteResult<Pod>> Update(Pod pod)
    {
        if (Pod is not { } existing)
        {
            return NotFound();
        }

        if (Lifecycle.Refuse(pod, existing) is { } refused)
        {
            return refused;
        }

        var errors = PodValidator.ValidateUpdate(pod, existing);
        if (errors.Count > 0)
        {
            return new(WriteOutcome.Invalid, existing, errors);
        }

        // A pod's spec is immutable: only its metadata changes here.
        var result = await Lifecycle.ApplyUpdate(existing, pod, specChanged: false);
        if (result.Outcome == WriteOutcome.Updated)
        {
            await NotifyWatchers(existing);
        }

        return result;
    }

    /// <summary>A pod owns nothing, so <paramref name="propagation"/> changes nothing for it.</summary>
    public async Task<WriteResult<Pod>> Delete(DeletePropagation propagation = DeletePropagation.Background)
    {
        if (Pod is not { } pod)
        {
            return NotFound();
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return new(WriteOutcome.Deleting, pod);
        }

        if (!await IsOnLiveNode(pod))
        {
            if (!ObjectLifecycle.HasFinalizers(pod.Metadata))
            {
                return await Remove();
            }

            await Lifecycle.MarkDeletingAsync(pod, pod.Spec.TerminationGracePeriodSeconds ?? 30);
            await NotifyWatchers(pod);
            return await ContainersGone(pod);
        }

        // Unsettled before it is marked: a crash between the two steps must leave the StopPod to the pod resync,
        // since a second delete of a deleting pod changes nothing (a crash after the mark left pods running for good).
        await Index(GrainKeys.UnsettledPodIndex).Add(this.GetPrimaryKeyString());
        await Lifecycle.MarkDeletingAsync(pod, pod.Spec.TerminationGracePeriodSeconds ?? 30);
        await NotifyWatchers(pod);
        foreach (var container in pod.Spec.Containers)
        {
            await GrainFactory.RecordEvent(pod, EventRecorder.Normal, "Killing", $"Stopping container {container.Name}", "kubelet");
        }

        await SendStop(pod);
        return new(WriteOutcome.Deleting, pod);
    }

    public async Task<BindResult> Bind(string uid, string nodeName)
    {
        if (Pod is not { } pod || pod.Metadata.Uid != uid || pod.Metadata.DeletionTimestamp is not null)
        {
            return new BindResult(false, null, "the pod no longer exists");
        }

        if (state.State.BoundAt is not null || pod.Spec.NodeName is { } required && required != nodeName)
        {
            return pod.Spec.NodeName == nodeName
                ? new BindResult(true, nodeName, null)
                : new BindResult(false, pod.Spec.NodeName, $"already bound to {pod.Spec.NodeName}");
        }

        pod.Spec.NodeName = nodeName;
        pod.Status ??= new PodStatus();
        PodConditions.Set(pod.Status, "PodScheduled", true, Now);
        state.State.BoundAt = Now;
        await Save();
        await GrainFactory.RecordEvent(pod, EventRecorder.Normal, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {nodeName}", "default-scheduler");
        LogBound(pod.Metadata.Namespace, pod.Metadata.Name, nodeName);
        return new BindResult(true, nodeName, null);
    }

    public async Task RecordUnschedulable(string uid, string message)
    {
        if (Pod is not { } pod || pod.Metadata.Uid != uid || pod.Metadata.DeletionTimestamp is not null || state.State.BoundAt is not null)
        {
            return;
        }

        pod.Status ??= new PodStatus { Phase = PodPhases.Pending };
        var current = pod.Status.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        // The resync asks again every few seconds: an unchanged reason is not a new version of the pod.
        if (current is { Status: "False", Reason: PodConditions.Unschedulable } && current.Message == message)
        {
            return;
        }

        PodConditions.Set(pod.Status, "PodScheduled", false, Now, PodConditions.Unschedulable, message);
        await Save();
        await GrainFactory.RecordEvent(pod, EventRecorder.Warning, "FailedScheduling", message, "default-scheduler");
        LogUnschedulable(pod.Metadata.Namespace, pod.Metadata.Name, message);
    }

    public async Task ReportStatus(PodStatusChanged report)
    {
        if (Pod is not { } pod || pod.Metadata.Uid != report.Uid || report.Sequence <= state.State.StatusSequence)
        {
            return;
        }

        // Given up on with its node: what the node says now no longer counts, but for its removal.
        if (pod.Status?.Reason == NodeLostReason && !report.Removed)
        {
            return;
        }

        if (report.Removed && pod.Metadata.DeletionTimestamp is not null)
        {
            await ContainersGone(pod);
            return;
        }

        var before = pod.Status;
        ApplyObservedStatus(pod, report.Status, Now);
        await GrainFactory.RecordTransitions(pod, before, report.Status);
        state.State.StatusSequence = report.Sequence;
        await Save();
        if (pod.Metadata.DeletionTimestamp is null)
        {
            await Index(GrainKeys.UnsettledPodIndex).Remove(this.GetPrimaryKeyString());
        }
        if (PodPhases.IsTerminal(pod.Status?.Phase) && pod.Spec.NodeName is { } node)
        {
            await GrainFactory.GetGrain<INodeGrain>(node).Release(report.Uid);
        }
    }

    public async Task MarkNodeLost(string nodeName)
    {
        if (Pod is not { } pod || pod.Spec.NodeName != nodeName || PodPhases.IsTerminal(pod.Status?.Phase))
        {
            return;
        }

        pod.Status ??= new PodStatus();
        pod.Status.Phase = PodPhases.Failed;
        pod.Status.Reason = NodeLostReason;
        pod.Status.Message = $"Node {nodeName} which was running pod {pod.Metadata.Name} is unresponsive";
        PodConditions.Set(pod.Status, "Ready", false, Now, NodeLostReason);
        PodConditions.Set(pod.Status, "ContainersReady", false, Now, NodeLostReason);
        await Save();
        await Index(GrainKeys.UnsettledPodIndex).Remove(this.GetPrimaryKeyString());
        await GrainFactory.GetGrain<INodeGrain>(nodeName).RememberLostPod(pod.Metadata.Uid!, pod.Metadata.Namespace!, pod.Metadata.Name!);
        await GrainFactory.RecordEvent(pod, EventRecorder.Warning, NodeLostReason, pod.Status.Message, "node-controller");
        LogNodeLost(pod.Metadata.Namespace, pod.Metadata.Name, nodeName);
    }

    public async Task Resync(TimeSpan olderThan)
    {
        var due = Now - olderThan;
        if (Pod is not { } pod)
        {
            await Index(GrainKeys.UnsettledPodIndex).Remove(this.GetPrimaryKeyString());
        }
        else if (pod.Metadata.DeletionTimestamp is not null)
        {
            await ResyncDeletion(pod, due);
        }
        else if (state.State.BoundAt is null)
        {
            await ResyncScheduling(due);
        }
        else if (state.State.StatusSequence == 0)
        {
            await ResyncStart(pod, due);
        }
        else
        {
            await Index(GrainKeys.UnsettledPodIndex).Remove(this.GetPrimaryKeyString());
        }
    }

    /// <summary>Bound, but the node never reported on it: the StartPod may have been lost, so send it again.</summary>
    private async Task ResyncStart(Pod pod, DateTimeOffset due)
    {
        var lastSent = state.State.StartResentAt ?? state.State.BoundAt;
        if (lastSent >= due)
        {
            return;
        }

        var start = new StartPod(pod.Metadata.Namespace!, pod.Metadata.Name!, pod.Metadata.Uid!, pod.Spec.NodeName!, pod.Spec);
        using var timeout = new CancellationTokenSource(SendTimeout);
        if (await messenger.StartPod(start, timeout.Token))
        {
            state.State.StartResentAt = Now;
            await state.WriteStateAsync();
        }
    }

    private async Task ResyncDeletion(Pod pod, DateTimeOffset due)
    {
        if (state.State.Stopped || !await IsOnLiveNode(pod))
        {
            await ContainersGone(pod);
        }
        else if (state.State.StopRequestedAt is null || state.State.StopRequestedAt < due)
        {
            await SendStop(pod);
        }
    }

    private async Task ResyncScheduling(DateTimeOffset due)
    {
        if (state.State.ScheduleRequestedAt is null || state.State.ScheduleRequestedAt < due)
        {
            await RequestScheduling();
        }
    }

    /// <summary>Takes the node's view of phase and containers; conditions stay the control plane's, updated from it.</summary>
    private static void ApplyObservedStatus(Pod pod, PodStatus observed, DateTimeOffset now)
    {
        observed.Conditions = pod.Status?.Conditions;
        pod.Status = observed;
        PodConditions.Set(observed, "Initialized", true, now);
        var ready = PodConditions.IsReady(observed);
        PodConditions.Set(observed, "ContainersReady", ready, now);
        PodConditions.Set(observed, "Ready", ready, now);
    }

    private async Task RequestScheduling()
    {
        var pod = Pod!;
        await Index(GrainKeys.UnsettledPodIndex).Add(this.GetPrimaryKeyString());
        var request = new PodScheduleRequested(pod.Metadata.Namespace!, pod.Metadata.Name!, pod.Metadata.Uid!, Now);
        using var timeout = new CancellationTokenSource(SendTimeout);
        if (await messenger.RequestScheduling(request, timeout.Token))
        {
            state.State.ScheduleRequestedAt = request.RequestedAt;
            await state.WriteStateAsync();
        }
    }

    private async Task SendStop(Pod pod)
    {
        var stop = new StopPod(pod.Metadata.Namespace!, pod.Metadata.Name!, pod.Metadata.Uid!, pod.Spec.TerminationGracePeriodSeconds ?? 30);
        using var timeout = new CancellationTokenSource(SendTimeout);
        if (await messenger.StopPod(pod.Spec.NodeName!, stop, timeout.Token))
        {
            state.State.StopRequestedAt = Now;
            await state.WriteStateAsync();
        }
    }

    private async Task<bool> IsOnLiveNode(Pod pod)
    {
        if (pod.Spec.NodeName is not { } node)
        {
            return false;
        }

        var snapshot = await GrainFactory.GetGrain<INodeGrain>(node).GetSnapshot();
        return snapshot is { Ready: true };
    }

    /// <summary>
    /// The node has stopped the pod's containers (or it has no live node): the pod goes now, unless finalizers hold it;
    /// then its node's capacity is released and it waits, deleting, for an update that removes the last one.
    /// </summary>
    private async Task<WriteResult<Pod>> ContainersGone(Pod pod)
    {
        if (!ObjectLifecycle.HasFinalizers(pod.Metadata))
        {
            return await Remove();
        }

        if (!state.State.Stopped)
        {
            state.State.Stopped = true;
            await state.WriteStateAsync();
            if (pod.Spec.NodeName is { } node)
            {
                await GrainFactory.GetGrain<INodeGrain>(node).Release(pod.Metadata.Uid!);
            }
        }

        await Index(GrainKeys.UnsettledPodIndex).Remove(this.GetPrimaryKeyString());
        return new(WriteOutcome.Deleting, pod);
    }

    /// <summary>An update took the last finalizer of a deleting pod: it goes once its containers are stopped (the node's report removes it otherwise).</summary>
    private async Task<WriteResult<Pod>> Release(Pod pod)
    {
        if (state.State.Stopped || !await IsOnLiveNode(pod))
        {
            return await Remove();
        }

        await Save();
        return new(WriteOutcome.Updated, pod);
    }

    private async Task<WriteResult<Pod>> Remove()
    {
        var pod = Pod!;
        if (pod.Spec.NodeName is { } node)
        {
            await GrainFactory.GetGrain<INodeGrain>(node).Release(pod.Metadata.Uid!);
        }

        await Lifecycle.ForgetAsync(pod);
        var key = this.GetPrimaryKeyString();
        await Index(GrainKeys.UnsettledPodIndex).Remove(key);
        await GrainFactory.NotifyOwner(pod, gone: true);
        await GrainFactory.NotifyServices(pod, gone: true);
        LogRemoved(pod.Metadata.Namespace, pod.Metadata.Name);
        return new(WriteOutcome.Deleted, pod);
    }

    private async Task Save()
    {
        await Lifecycle.SaveAsync(Pod!);
        await NotifyWatchers(Pod!);
    }

    /// <summary>Its owner and the services of its namespace keep their own view of the pod.</summary>
    private async Task NotifyWatchers(Pod pod)
    {
        await GrainFactory.NotifyOwner(pod, gone: false);
        await GrainFactory.NotifyServices(pod, gone: false);
    }

    private ObjectLifecycle<Pod> Lifecycle => lifecycle ??= new(
        Kind, this.GetPrimaryKeyString(), GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Release,
    };

    private WriteResult<Pod> NotFound()
    {
        var (_, name) = GrainKeys.ParsePod(this.GetPrimaryKeyString());
        return new(WriteOutcome.NotFound, null, Message: $"pods \"{name}\" not found");
    }

    private IResourceIndexGrain Index(string name) => GrainFactory.GetGrain<IResourceIndexGrain>(name);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} created with uid {Uid}")]
    private partial void LogCreated(string? @namespace, string? name, string? uid);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} bound to node {Node}")]
    private partial void LogBound(string? @namespace, string? name, string node);

    [LoggerMessage(LogLevel.Warning, "Pod {Namespace}/{Name} lost with its node {Node}")]
    private partial void LogNodeLost(string? @namespace, string? name, string node);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} is unschedulable: {Message}")]
    private partial void LogUnschedulable(string? @namespace, string? name, string message);

    [LoggerMessage(LogLevel.Information, "Pod {Namespace}/{Name} removed")]
    private partial void LogRemoved(string? @namespace, string? name);
}
