using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;
using Platform.Grains.Eventing;
using Platform.Grains.Lifecycle;

namespace Platform.Grains.Workloads;

/// <summary>
/// A ReplicaSet and its controller. It keeps its own view of its pods, fed by their grains after every
/// change (an informer's cache), reconciles shortly after a change so bursts coalesce, and re-reads
/// every pod on activation and on the periodic resync to repair a lost notice.
/// </summary>
public sealed partial class ReplicaSetGrain(
    [PersistentState("replicaset", StorageNames.ControlPlane)] IPersistentState<ReplicaSetRecord> state,
    TimeProvider time,
    ILogger<ReplicaSetGrain> logger) : Grain, IReplicaSetGrain
{
    private static readonly StoredKind Kind = new("replicasets", "replicasets.apps", GrainKeys.ReplicaSetIndex);
    private const string Component = "replicaset-controller";
    private CoalescedReconcile? coalesced;
    private ObjectLifecycle<ReplicaSet>? lifecycle;

    private ReplicaSet? Item => state.State.ReplicaSet;

    private string Namespace => GrainKeys.ParsePod(this.GetPrimaryKeyString()).Namespace;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Item is not null)
        {
            await RefreshPods();
            ScheduleReconcile();
        }
    }

    public Task<ReplicaSet?> Get() => Task.FromResult(Item);

    public async Task<WriteResult<ReplicaSet>> Create(ReplicaSet item)
    {
        if (Item is { } existing)
        {
            return new(WriteOutcome.AlreadyExists, existing);
        }

        var created = await Lifecycle.CreateAsync(item, kept =>
        {
            kept.Status = new ReplicaSetStatus();
            state.State = new ReplicaSetRecord { ReplicaSet = kept };
        });
        ScheduleReconcile();
        return created;
    }

    public async Task<WriteResult<ReplicaSet>> Update(ReplicaSet item)
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

        var result = await Lifecycle.ApplyUpdate(existing, item, !SpecEquality.AreEqual(item.Spec, existing.Spec), () => existing.Spec = item.Spec);
        if (result.Outcome == WriteOutcome.Updated)
        {
            ScheduleReconcile();
        }

        return result;
    }

    public async Task<WriteResult<ReplicaSet>> Scale(int replicas)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if ((existing.Spec.Replicas ?? 1) == replicas)
        {
            return new(WriteOutcome.Unchanged, existing);
        }

        LogScaled(Namespace, existing.Metadata.Name!, existing.Spec.Replicas ?? 1, replicas);
        existing.Spec.Replicas = replicas;
        existing.Metadata.Generation = (existing.Metadata.Generation ?? 1) + 1;
        await Save();
        ScheduleReconcile();
        return new(WriteOutcome.Updated, existing);
    }

    /// <summary>
    /// Deletes the ReplicaSet. Background (the default): it goes, then its pods. Foreground: it stays, deleting (and
    /// creates no pods), until its pods are gone. Orphan: its pods lose their owner reference and stay.
    /// </summary>
    public async Task<WriteResult<ReplicaSet>> Delete(DeletePropagation propagation = DeletePropagation.Background)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (propagation == DeletePropagation.Orphan && !ObjectLifecycle.IsDeleting(existing.Metadata))
        {
            await OrphanPods(existing);
        }

        var foreground = propagation == DeletePropagation.Foreground && state.State.Pods.Count > 0;
        var result = await Lifecycle.DeleteAsync(existing, foreground);
        if (result.Outcome == WriteOutcome.Deleting && ObjectLifecycle.HasFinalizer(existing.Metadata, Finalizers.ForegroundDeletion))
        {
            await CollectPods(existing);
            ScheduleReconcile();
        }

        return result;
    }

    private async Task OrphanPods(ReplicaSet rs)
    {
        await Task.WhenAll(state.State.Pods.Keys.Select(name => GrainFactory.Orphan<IPodGrain, Pod>(GrainKeys.Pod(Namespace, name), rs.Metadata.Uid!)));

        state.State.Pods.Clear();
        await state.WriteStateAsync();
    }

    /// <summary>Its pods go to the garbage collector, which deletes them after this call.</summary>
    private Task CollectPods(ReplicaSet rs) =>
        GrainFactory.CollectGarbage(state.State.Pods.Keys
            .Select(name => new Dependent(DependentKind.Pod, GrainKeys.Pod(Namespace, name), rs.Metadata.Uid!, DeletePropagation.Background))
            .ToList());

    /// <summary>Background propagation: the ReplicaSet goes at once, and the garbage collector deletes its pods after it.</summary>
    private async Task<WriteResult<ReplicaSet>> Remove(ReplicaSet existing)
    {
        coalesced?.Cancel();
        await Lifecycle.MarkRemovingAsync(existing);
        await CollectPods(existing);
        var removed = await Lifecycle.ForgetAsync(existing);
        await NotifyOwner(existing);
        return removed;
    }

    /// <summary>While deleting, the controller only waits: for a foreground deletion, until none of its pods is left.</summary>
    private async Task WaitForPods(ReplicaSet rs)
    {
        if (state.State.Pods.Count == 0 && ObjectLifecycle.HasFinalizer(rs.Metadata, Finalizers.ForegroundDeletion))
        {
            await Lifecycle.ReleaseForegroundAsync(rs);
        }
        else
        {
            await UpdateStatus(rs);
        }
    }

    public Task PodChanged(OwnedPod pod)
    {
        if (Item is null || !state.State.Pods.TryGetValue(pod.Name, out var known) || known.Uid is { } uid && uid != pod.Uid)
        {
            return Task.CompletedTask;
        }

        if (pod.Gone)
        {
            state.State.Pods.Remove(pod.Name);
        }
        else
        {
            state.State.Pods[pod.Name] = pod;
        }

        ScheduleReconcile();
        return Task.CompletedTask;
    }

    public async Task Resync()
    {
        if (Item is null)
        {
            return;
        }

        await RefreshPods();
        await Reconcile();
    }

    private CoalescedReconcile Coalesced => coalesced ??= new CoalescedReconcile(this, Reconcile);

    private void ScheduleReconcile() => Coalesced.Schedule();

    private async Task RefreshPods()
    {
        foreach (var name in state.State.Pods.Keys.ToList())
        {
            var pod = await PodGrain(name).Get();
            var known = state.State.Pods[name];
            if (pod is null)
            {
                // A name reserved just before a crash, whose pod was never made, is dropped here too.
                state.State.Pods.Remove(name);
            }
            else if (known.Uid is null || known.Uid == pod.Metadata.Uid)
            {
                state.State.Pods[name] = ReplicaSetPods.Summarise(pod);
            }
        }
    }

    private async Task Reconcile()
    {
        if (Item is not { } rs)
        {
            return;
        }

        if (ObjectLifecycle.IsDeleting(rs.Metadata))
        {
            if (!await Lifecycle.FinishRemovalAsync(rs))
            {
                await WaitForPods(rs);
            }

            return;
        }

        await RemoveFinishedPods();
        var active = state.State.Pods.Values.Where(ReplicaSetPods.IsActive).ToList();
        var desired = rs.Spec.Replicas ?? 1;
        if (active.Count < desired)
        {
            await CreatePods(rs, desired - active.Count);
        }
        else if (active.Count > desired)
        {
            await DeletePods(rs, ReplicaSetPods.ChooseToDelete(active, active.Count - desired));
        }

        await UpdateStatus(rs);
    }

    /// <summary>Pods that ended (a lost node makes them Failed) do not count; delete them so a replacement takes their place.</summary>
    private async Task RemoveFinishedPods()
    {
        foreach (var pod in state.State.Pods.Values.Where(p => !p.Deleting && PodPhases.IsTerminal(p.Phase)).ToList())
        {
            await PodGrain(pod.Name).Delete();
        }
    }

    private async Task CreatePods(ReplicaSet rs, int count)
    {
        var names = Enumerable.Range(0, count).Select(_ => PodNames.Generate(rs.Metadata.Name!)).Where(n => !state.State.Pods.ContainsKey(n)).ToList();
        foreach (var name in names)
        {
            state.State.Pods[name] = new OwnedPod(name, null, PodPhases.Pending, false, false, false, false, null, time.GetUtcNow());
        }

        await state.WriteStateAsync();
        var results = await Task.WhenAll(names.Select(name => PodGrain(name).Create(ReplicaSetPods.FromTemplate(rs, name))));
        foreach (var (name, result) in names.Zip(results))
        {
            if (result.Outcome == WriteOutcome.Created)
            {
                state.State.Pods[name] = ReplicaSetPods.Summarise(result.Object!);
            }
            else
            {
                state.State.Pods.Remove(name);
            }
        }

        await state.WriteStateAsync();
        var created = results.Count(r => r.Outcome == WriteOutcome.Created);
        if (created > 0)
        {
            await GrainFactory.RecordEvent(rs, EventRecorder.Normal, "SuccessfulCreate", $"Created {created} pod(s): {string.Join(", ", names.Take(5))}{(created > 5 ? ", ..." : "")}", Component);
        }
    }

    private async Task DeletePods(ReplicaSet rs, IReadOnlyList<OwnedPod> victims)
    {
        await Task.WhenAll(victims.Select(p => PodGrain(p.Name).Delete()));
        foreach (var victim in victims)
        {
            if (state.State.Pods.TryGetValue(victim.Name, out var known))
            {
                state.State.Pods[victim.Name] = known with { Deleting = true };
            }
        }

        await GrainFactory.RecordEvent(rs, EventRecorder.Normal, "SuccessfulDelete", $"Deleted {victims.Count} pod(s): {string.Join(", ", victims.Take(5).Select(v => v.Name))}", Component);
    }

    private async Task UpdateStatus(ReplicaSet rs)
    {
        var status = ReplicaSetPods.StatusOf(rs, state.State.Pods.Values, time.GetUtcNow());
        if (SpecEquality.AreEqual(status, rs.Status))
        {
            return;
        }

        rs.Status = status;
        await Save();
        await NotifyOwner(rs);
    }

    private Task NotifyOwner(ReplicaSet rs)
    {
        var owner = rs.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true && o.Kind == Deployment.KindName);
        return owner?.Name is null
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IDeploymentGrain>(GrainKeys.Namespaced(Namespace, owner.Name)).ReplicaSetChanged();
    }

    private ObjectLifecycle<ReplicaSet> Lifecycle => lifecycle ??= new(
        Kind, this.GetPrimaryKeyString(), GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Remove,
    };

    private Task Save() => Lifecycle.SaveAsync(Item!);

    private IPodGrain PodGrain(string name) => GrainFactory.GetGrain<IPodGrain>(GrainKeys.Pod(Namespace, name));

    private WriteResult<ReplicaSet> NotFound() =>
        new(WriteOutcome.NotFound, null, Message: $"replicasets.apps \"{GrainKeys.ParsePod(this.GetPrimaryKeyString()).Name}\" not found");

    [LoggerMessage(LogLevel.Information, "Replica set {Namespace}/{Name} scaled from {From} to {To}")]
    private partial void LogScaled(string @namespace, string name, int from, int to);
}
