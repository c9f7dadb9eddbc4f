using System.Globalization;
using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;
using Platform.Grains.Eventing;
using Platform.Grains.Lifecycle;

namespace Platform.Grains.Workloads;

/// <summary>
/// A Deployment and its controller. Each template gets its own ReplicaSet (named by the template's
/// hash, numbered by a revision annotation); a rollout grows the newest and shrinks the others within
/// maxSurge and maxUnavailable, step by step as their pods become available.
/// </summary>
public sealed partial class DeploymentGrain(
    [PersistentState("deployment", StorageNames.ControlPlane)] IPersistentState<DeploymentRecord> state,
    TimeProvider time,
    ILogger<DeploymentGrain> logger) : Grain, IDeploymentGrain
{
    private static readonly StoredKind Kind = new("deployments", "deployments.apps", GrainKeys.DeploymentIndex);
    private const string Component = "deployment-controller";
    private CoalescedReconcile? coalesced;
    private ObjectLifecycle<Deployment>? lifecycle;

    private Deployment? Item => state.State.Deployment;

    private string Namespace => GrainKeys.ParsePod(this.GetPrimaryKeyString()).Namespace;

    public Task<Deployment?> Get() => Task.FromResult(Item);

    public async Task<WriteResult<Deployment>> Create(Deployment item)
    {
        if (Item is { } existing)
        {
            return new(WriteOutcome.AlreadyExists, existing);
        }

        var created = await Lifecycle.CreateAsync(item, kept =>
        {
            kept.Status = new DeploymentStatus();
            state.State = new DeploymentRecord { Deployment = kept };
        });
        ScheduleReconcile();
        return created;
    }

    public async Task<WriteResult<Deployment>> Update(Deployment item)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (Lifecycle.Refuse(item, existing) is { } refused)
        {
            return refused;
        }

        var errors = WorkloadValidator.ValidateSelectorUnchanged(item.Spec.Selector, existing.Spec.Selector).ToList();
        if (errors.Count > 0)
        {
            return new(WriteOutcome.Invalid, existing, errors);
        }

        item.Metadata.Annotations = KeepRevision(existing, item.Metadata.Annotations);
        var result = await Lifecycle.ApplyUpdate(existing, item, !SpecEquality.AreEqual(item.Spec, existing.Spec), () => existing.Spec = item.Spec);
        if (result.Outcome == WriteOutcome.Updated)
        {
            ScheduleReconcile();
        }

        return result;
    }

    /// <summary>
    /// Deletes the Deployment. Background (the default): it goes, then its ReplicaSets with their pods. Foreground: it
    /// stays, deleting, until its ReplicaSets (deleted in the foreground too) are gone. Orphan: its ReplicaSets lose
    /// their owner reference and stay.
    /// </summary>
    public async Task<WriteResult<Deployment>> Delete(DeletePropagation propagation = DeletePropagation.Background)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (propagation == DeletePropagation.Orphan && !ObjectLifecycle.IsDeleting(existing.Metadata))
        {
            await OrphanReplicaSets(existing);
        }

        var foreground = propagation == DeletePropagation.Foreground && state.State.ReplicaSets.Count > 0;
        var result = await Lifecycle.DeleteAsync(existing, foreground);
        if (result.Outcome == WriteOutcome.Deleting && ObjectLifecycle.HasFinalizer(existing.Metadata, Finalizers.ForegroundDeletion))
        {
            await CollectReplicaSets(existing, DeletePropagation.Foreground);
            ScheduleReconcile();
        }

        return result;
    }

    private async Task OrphanReplicaSets(Deployment deployment)
    {
        foreach (var name in state.State.ReplicaSets.Keys.ToList())
        {
            await GrainFactory.Orphan<IReplicaSetGrain, ReplicaSet>(GrainKeys.Namespaced(Namespace, name), deployment.Metadata.Uid!);
        }

        state.State.ReplicaSets.Clear();
        await state.WriteStateAsync();
    }

    /// <summary>Its ReplicaSets go to the garbage collector, which deletes them (and they their pods) after this call.</summary>
    private Task CollectReplicaSets(Deployment deployment, DeletePropagation propagation) =>
        GrainFactory.CollectGarbage(state.State.ReplicaSets.Keys
            .Select(name => new Dependent(DependentKind.ReplicaSet, GrainKeys.Namespaced(Namespace, name), deployment.Metadata.Uid!, propagation))
            .ToList());

    /// <summary>Background propagation: the Deployment goes at once, and the garbage collector deletes its ReplicaSets after it.</summary>
    private async Task<WriteResult<Deployment>> Remove(Deployment existing)
    {
        coalesced?.Cancel();
        await Lifecycle.MarkRemovingAsync(existing);
        await CollectReplicaSets(existing, DeletePropagation.Background);
        return await Lifecycle.ForgetAsync(existing);
    }

    /// <summary>While deleting, the controller only waits: for a foreground deletion, until no ReplicaSet of it is left.</summary>
    private async Task WaitForDependents(Deployment deployment)
    {
        var owned = await LoadReplicaSets();
        if (owned.Count == 0 && ObjectLifecycle.HasFinalizer(deployment.Metadata, Finalizers.ForegroundDeletion))
        {
            await state.WriteStateAsync();
            await Lifecycle.ReleaseForegroundAsync(deployment);
        }
    }

    public Task ReplicaSetChanged()
    {
        if (Item is not null)
        {
            ScheduleReconcile();
        }

        return Task.CompletedTask;
    }

    public async Task Reconcile()
    {
        if (Item is not { } deployment)
        {
            return;
        }

        if (ObjectLifecycle.IsDeleting(deployment.Metadata))
        {
            if (!await Lifecycle.FinishRemovalAsync(deployment))
            {
                await WaitForDependents(deployment);
            }

            return;
        }

        var owned = await LoadReplicaSets();
        var hash = DeploymentRevisions.TemplateHash(deployment.Spec.Template);
        var current = owned.FirstOrDefault(r => r.Metadata.Labels?.GetValueOrDefault(DeploymentRevisions.HashLabel) == hash)
            ?? await CreateReplicaSet(deployment, hash, owned);
        if (current is null)
        {
            return;
        }

        current = await PromoteToNewestRevision(deployment, current, owned);
        var old = owned.Where(r => r.Metadata.Name != current.Metadata.Name).OrderBy(DeploymentRevisions.RevisionOf).ToList();
        if (deployment.Spec.Paused != true)
        {
            await ApplyPlan(deployment, current, old);
        }

        await CleanUpHistory(deployment, old);
        await UpdateStatus(deployment, current, old);
    }

    private async Task<List<ReplicaSet>> LoadReplicaSets()
    {
        var found = new List<ReplicaSet>();
        foreach (var (name, uid) in state.State.ReplicaSets.ToList())
        {
            var rs = await ReplicaSetGrain(name).Get();
            if (rs is null || uid is not null && rs.Metadata.Uid != uid)
            {
                state.State.ReplicaSets.Remove(name);
                continue;
            }

            found.Add(rs);
        }

        return found;
    }

    private async Task<ReplicaSet?> CreateReplicaSet(Deployment deployment, string hash, IReadOnlyList<ReplicaSet> owned)
    {
        var revision = owned.Select(DeploymentRevisions.RevisionOf).DefaultIfEmpty(0).Max() + 1;
        var rs = DeploymentRevisions.NewReplicaSet(deployment, hash, revision);
        state.State.ReplicaSets[rs.Metadata.Name!] = null;
        await state.WriteStateAsync();
        var result = await ReplicaSetGrain(rs.Metadata.Name!).Create(rs);
        if (result.Outcome != WriteOutcome.Created)
        {
            // A ReplicaSet of that name that is not ours (or a failed create): leave it, try again on the next pass.
            state.State.ReplicaSets.Remove(rs.Metadata.Name!);
            await state.WriteStateAsync();
            LogReplicaSetRefused(Namespace, rs.Metadata.Name!, result.Outcome.ToString());
            return null;
        }

        state.State.ReplicaSets[rs.Metadata.Name!] = result.Object!.Metadata.Uid;
        await state.WriteStateAsync();
        return result.Object;
    }

    /// <summary>Rolling back to an older template makes its ReplicaSet the newest revision again, as Kubernetes does.</summary>
    private async Task<ReplicaSet> PromoteToNewestRevision(Deployment deployment, ReplicaSet current, IReadOnlyList<ReplicaSet> owned)
    {
        var newest = owned.Select(DeploymentRevisions.RevisionOf).DefaultIfEmpty(0).Max();
        var revision = DeploymentRevisions.RevisionOf(current);
        if (revision < newest || revision == 0)
        {
            current.Metadata.Annotations ??= [];
            current.Metadata.Annotations[DeploymentRevisions.RevisionAnnotation] = (newest + 1).ToString(CultureInfo.InvariantCulture);
            var updated = await ReplicaSetGrain(current.Metadata.Name!).Update(current);
            current = updated.Object ?? current;
        }

        var text = DeploymentRevisions.RevisionOf(current).ToString(CultureInfo.InvariantCulture);
        if (deployment.Metadata.Annotations?.GetValueOrDefault(DeploymentRevisions.RevisionAnnotation) != text)
        {
            deployment.Metadata.Annotations ??= [];
            deployment.Metadata.Annotations[DeploymentRevisions.RevisionAnnotation] = text;
            await Save();
        }

        return current;
    }

    private async Task ApplyPlan(Deployment deployment, ReplicaSet current, IReadOnlyList<ReplicaSet> old)
    {
        var plan = RolloutPlanner.Plan(deployment.Spec, View(current), old.Select(View).ToList());
        foreach (var rs in old.Prepend(current))
        {
            var from = rs.Spec.Replicas ?? 0;
            if (!plan.TryGetValue(rs.Metadata.Name!, out var to) || to == from)
            {
                continue;
            }

            await ReplicaSetGrain(rs.Metadata.Name!).Scale(to);
            rs.Spec.Replicas = to;
            var direction = to > from ? "up" : "down";
            await GrainFactory.RecordEvent(deployment, EventRecorder.Normal, "ScalingReplicaSet", $"Scaled {direction} replica set {rs.Metadata.Name} from {from} to {to}", Component);
            LogScaled(Namespace, rs.Metadata.Name!, from, to);
        }
    }

    /// <summary>Keeps at most revisionHistoryLimit (default 10) old ReplicaSets that have no pods left.</summary>
    private async Task CleanUpHistory(Deployment deployment, IReadOnlyList<ReplicaSet> old)
    {
        var limit = deployment.Spec.RevisionHistoryLimit ?? 10;
        var idle = old.Where(r => (r.Spec.Replicas ?? 0) == 0 && (r.Status?.Replicas ?? 0) == 0).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            await ReplicaSetGrain(rs.Metadata.Name!).Delete();
            state.State.ReplicaSets.Remove(rs.Metadata.Name!);
            await state.WriteStateAsync();
        }
    }

    private async Task UpdateStatus(Deployment deployment, ReplicaSet current, IReadOnlyList<ReplicaSet> old)
    {
        var status = DeploymentStatusBuilder.Build(deployment, current, old, time.GetUtcNow());
        if (SpecEquality.AreEqual(status, deployment.Status))
        {
            return;
        }

        deployment.Status = status;
        await Save();
    }

    private static ReplicaSetView View(ReplicaSet rs) => new(
        rs.Metadata.Name!,
        rs.Spec.Replicas ?? 0,
        rs.Status?.Replicas ?? 0,
        rs.Status?.AvailableReplicas ?? 0,
        rs.Status?.ReadyReplicas ?? 0,
        DeploymentRevisions.RevisionOf(rs));

    /// <summary>The revision annotation is the controller's; an update that leaves it out keeps it.</summary>
    private static Dictionary<string, string>? KeepRevision(Deployment existing, Dictionary<string, string>? annotations)
    {
        if (existing.Metadata.Annotations?.GetValueOrDefault(DeploymentRevisions.RevisionAnnotation) is not { } revision)
        {
            return annotations;
        }

        var kept = new Dictionary<string, string>(annotations ?? []);
        kept.TryAdd(DeploymentRevisions.RevisionAnnotation, revision);
        return kept;
    }

    private CoalescedReconcile Coalesced => coalesced ??= new CoalescedReconcile(this, Reconcile);

    private void ScheduleReconcile() => Coalesced.Schedule();

    private ObjectLifecycle<Deployment> Lifecycle => lifecycle ??= new(
        Kind, this.GetPrimaryKeyString(), GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Remove,
    };

    private Task Save() => Lifecycle.SaveAsync(Item!);

    private IReplicaSetGrain ReplicaSetGrain(string name) => GrainFactory.GetGrain<IReplicaSetGrain>(GrainKeys.Namespaced(Namespace, name));

    private WriteResult<Deployment> NotFound() =>
        new(WriteOutcome.NotFound, null, Message: $"deployments.apps \"{GrainKeys.ParsePod(this.GetPrimaryKeyString()).Name}\" not found");

    [LoggerMessage(LogLevel.Information, "Deployment in {Namespace}: replica set {ReplicaSet} scaled from {From} to {To}")]
    private partial void LogScaled(string @namespace, string replicaSet, int from, int to);

    [LoggerMessage(LogLevel.Warning, "Deployment in {Namespace}: creating replica set {ReplicaSet} gave {Outcome}; retrying on the next pass")]
    private partial void LogReplicaSetRefused(string @namespace, string replicaSet, string outcome);
}
