using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Autoscaling;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Autoscaling;
using Platform.Grains.Eventing;
using Platform.Grains.Lifecycle;

namespace Platform.Grains.Autoscaling;

/// <summary>
/// A HorizontalPodAutoscaler and its controller. Every sync period it reads its Deployment's scale, the pods of its
/// selector with their readiness, requests and usage, asks the algorithm (Platform.Autoscaling) for the replicas and
/// sets them on the Deployment, then records the decision in its status and as events.
/// </summary>
public sealed partial class HorizontalPodAutoscalerGrain(
    [PersistentState("hpa", StorageNames.ControlPlane)] IPersistentState<AutoscalerRecord> state,
    IOptions<AutoscalerOptions> options,
    TimeProvider time,
    ILogger<HorizontalPodAutoscalerGrain> logger) : Grain, IHorizontalPodAutoscalerGrain
{
    private static readonly StoredKind Kind = new("horizontalpodautoscalers", "horizontalpodautoscalers.autoscaling", GrainKeys.HorizontalPodAutoscalerIndex);
    private const string Component = "horizontal-pod-autoscaler";
    private readonly ReplicaCalculator calculator = ReplicaCalculator.Default;
    private IGrainTimer? timer;
    private ScalingHistory? history;
    private DateTimeOffset statusWrittenAt;
    private ObjectLifecycle<HorizontalPodAutoscaler>? lifecycle;

    private HorizontalPodAutoscaler? Item => state.State.Autoscaler;

    private string Namespace => GrainKeys.ParsePod(this.GetPrimaryKeyString()).Namespace;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Item is not null)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public Task<HorizontalPodAutoscaler?> Get() => Task.FromResult(Item);

    public async Task<WriteResult<HorizontalPodAutoscaler>> Create(HorizontalPodAutoscaler item)
    {
        if (Item is { } existing)
        {
            return new(WriteOutcome.AlreadyExists, existing);
        }

        var created = await Lifecycle.CreateAsync(item, kept =>
        {
            kept.Status = new HorizontalPodAutoscalerStatus();
            state.State = new AutoscalerRecord { Autoscaler = kept };
        });
        history = null;
        StartTimer();
        return created;
    }

    public async Task<WriteResult<HorizontalPodAutoscaler>> Update(HorizontalPodAutoscaler item)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        return Lifecycle.Refuse(item, existing)
            ?? await Lifecycle.ApplyUpdate(existing, item, !SpecEquality.AreEqual(item.Spec, existing.Spec), () => existing.Spec = item.Spec);
    }

    public async Task<WriteResult<HorizontalPodAutoscaler>> Delete(DeletePropagation propagation = DeletePropagation.Background) =>
        Item is { } existing ? await Lifecycle.DeleteAsync(existing) : NotFound();

    private async Task<WriteResult<HorizontalPodAutoscaler>> Remove(HorizontalPodAutoscaler existing)
    {
        timer?.Dispose();
        timer = null;
        history = null;
        return await Lifecycle.ForgetAsync(existing);
    }

    public async Task Reconcile()
    {
        if (Item is not { } hpa)
        {
            return;
        }

        StartTimer();
        var now = time.GetUtcNow();
        var targetGrain = GrainFactory.GetGrain<IDeploymentGrain>(GrainKeys.Namespaced(Namespace, hpa.Spec.ScaleTargetRef.Name!));
        if (await targetGrain.Get() is not { } target)
        {
            await CannotGetScale(hpa, now);
            return;
        }

        var current = target.Spec.Replicas ?? 1;
        history ??= ScalingHistory.AfterRestart(current, now, state.State.ScaleUps, state.State.ScaleDowns);
        var pods = await TargetPods.Read(GrainFactory, target, options.Value.MetricsWindow);
        var measured = (hpa.Spec.Metrics ?? []).Select(m => MetricMeasurement.Measure(m, pods, current, now, calculator)).ToList();
        var input = new ScaleInput(current, hpa.Spec.MinReplicas ?? 1, hpa.Spec.MaxReplicas, measured.Select(m => m.Result).ToList(), now);
        var decision = Autoscaler.Decide(input, hpa.Spec.Behavior ?? new HorizontalPodAutoscalerBehavior(), history);
        var conditions = new List<DecisionCondition> { new(ConditionTypes.AbleToScale, true, "SucceededGetScale", "the HPA controller was able to get the target's current scale") };
        conditions.AddRange(decision.Conditions);
        if (decision.MetricsFailure is not null)
        {
            await ReportMetricsFailure(hpa, decision, measured.Select(m => m.Result));
        }

        var rescaled = decision.Rescale && await Rescale(hpa, targetGrain, target, current, decision, conditions, now);
        var status = new HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = hpa.Metadata.Generation,
            LastScaleTime = rescaled ? now : hpa.Status?.LastScaleTime,
            CurrentReplicas = target.Status?.Replicas ?? 0,
            DesiredReplicas = decision.DesiredReplicas,
            // One entry per metric of the spec, in its order (an empty one for a metric that failed), as Kubernetes keeps them.
            CurrentMetrics = measured.Any(m => m.Status is not null) ? measured.Select(m => m.Status ?? new MetricStatus { Type = "" }).ToList() : null,
            Conditions = AutoscalerConditions.Merge(hpa.Status?.Conditions, conditions, now),
        };
        await WriteStatus(hpa, status, rescaled, now);
    }

    /// <summary>Sets the Deployment's replicas, naming the version it read (a concurrent change wins; the next pass retries).</summary>
    private async Task<bool> Rescale(
        HorizontalPodAutoscaler hpa, IDeploymentGrain targetGrain, Deployment target, int current, ScaleDecision decision, List<DecisionCondition> conditions, DateTimeOffset now)
    {
        var desired = decision.DesiredReplicas;
        target.Spec.Replicas = desired;
        var result = await targetGrain.Update(target);
        if (result.Outcome is not (WriteOutcome.Updated or WriteOutcome.Unchanged))
        {
            var error = result.Message ?? result.Outcome.ToString();
            conditions.Add(new(ConditionTypes.AbleToScale, false, "FailedUpdateScale", $"the HPA controller was unable to update the target scale: {error}"));
            await GrainFactory.RecordEvent(hpa, EventRecorder.Warning, "FailedRescale", $"New size: {desired}; reason: {decision.RescaleReason}; error: {error}", Component);
            return false;
        }

        history!.Record(current, desired, now);
        state.State.ScaleUps = history.ScaleUps.ToList();
        state.State.ScaleDowns = history.ScaleDowns.ToList();
        conditions.Add(new(ConditionTypes.AbleToScale, true, "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}"));
        await GrainFactory.RecordEvent(hpa, EventRecorder.Normal, "SuccessfulRescale", $"New size: {desired}; reason: {decision.RescaleReason}", Component);
        LogRescaled(Namespace, hpa.Metadata.Name!, current, desired, decision.RescaleReason ?? "");
        return true;
    }

    private async Task ReportMetricsFailure(HorizontalPodAutoscaler hpa, ScaleDecision decision, IEnumerable<MetricResult> results)
    {
        foreach (var failed in results.Where(r => !r.Proposal.Succeeded))
        {
            await GrainFactory.RecordEvent(hpa, EventRecorder.Warning, failed.FailureReason, failed.Proposal.Error!, Component);
        }

        await GrainFactory.RecordEvent(hpa, EventRecorder.Warning, "FailedComputeMetricsReplicas", decision.MetricsFailure!, Component);
    }

    private async Task CannotGetScale(HorizontalPodAutoscaler hpa, DateTimeOffset now)
    {
        var message = $"deployments.apps \"{hpa.Spec.ScaleTargetRef.Name}\" not found";
        await GrainFactory.RecordEvent(hpa, EventRecorder.Warning, "FailedGetScale", message, Component);
        var status = new HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = hpa.Metadata.Generation,
            LastScaleTime = hpa.Status?.LastScaleTime,
            CurrentReplicas = hpa.Status?.CurrentReplicas,
            DesiredReplicas = hpa.Status?.DesiredReplicas ?? 0,
            CurrentMetrics = hpa.Status?.CurrentMetrics,
            Conditions = AutoscalerConditions.Merge(
                hpa.Status?.Conditions,
                [new(ConditionTypes.AbleToScale, false, "FailedGetScale", $"the HPA controller was unable to get the target's current scale: {message}")],
                now),
        };
        await WriteStatus(hpa, status, rescaled: false, now);
    }

    /// <summary>
    /// Writes the status when a decision or condition changed at once; when only the measured values moved, at most
    /// every StatusRefresh (a write is a revision every watcher sees).
    /// </summary>
    private async Task WriteStatus(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerStatus status, bool rescaled, DateTimeOffset now)
    {
        var old = hpa.Status;
        var sameDecision = !rescaled
            && old is not null
            && old.DesiredReplicas == status.DesiredReplicas
            && old.CurrentReplicas == status.CurrentReplicas
            && old.ObservedGeneration == status.ObservedGeneration
            && SpecEquality.AreEqual(old.Conditions, status.Conditions);
        if (sameDecision && (SpecEquality.AreEqual(old!.CurrentMetrics, status.CurrentMetrics) || now - statusWrittenAt < options.Value.StatusRefresh))
        {
            return;
        }

        hpa.Status = status;
        statusWrittenAt = now;
        await Save();
    }

    private void StartTimer()
    {
        var period = options.Value.SyncPeriod;
        timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    private async Task Tick()
    {
        try
        {
            await Reconcile();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPassFailed(e, Namespace, this.GetPrimaryKeyString());
        }
    }

    private ObjectLifecycle<HorizontalPodAutoscaler> Lifecycle => lifecycle ??= new(
        Kind, this.GetPrimaryKeyString(), GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Remove,
    };

    private Task Save() => Lifecycle.SaveAsync(Item!);

    private WriteResult<HorizontalPodAutoscaler> NotFound() =>
        new(WriteOutcome.NotFound, null, Message: $"horizontalpodautoscalers.autoscaling \"{GrainKeys.ParsePod(this.GetPrimaryKeyString()).Name}\" not found");

    [LoggerMessage(LogLevel.Information, "HorizontalPodAutoscaler {Namespace}/{Name}: {From} → {To} replicas ({Reason})")]
    private partial void LogRescaled(string @namespace, string name, int from, int to, string reason);

    [LoggerMessage(LogLevel.Warning, "HorizontalPodAutoscaler {Namespace} {Key}: a controller pass failed; the next one retries")]
    private partial void LogPassFailed(Exception e, string @namespace, string key);
}
