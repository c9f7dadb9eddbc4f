using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Lifecycle;
using Platform.Grains.Workloads;

namespace Platform.Grains.Namespaces;

/// <summary>
/// A namespace. Deleting it marks it Terminating (nothing new may be created in it); the namespace
/// controller then deletes what is in it, and the namespace goes once nothing is left.
/// </summary>
public sealed partial class NamespaceGrain(
    [PersistentState("namespace", StorageNames.ControlPlane)] IPersistentState<Namespace> state,
    TimeProvider time,
    ILogger<NamespaceGrain> logger) : Grain, INamespaceGrain
{
    public const string Terminating = "Terminating";
    private static readonly StoredKind Kind = new("namespaces", "namespaces", GrainKeys.NamespaceIndex);
    private ObjectLifecycle<Namespace>? lifecycle;
    private CoalescedReconcile? finalizeSoon;

    /// <summary>The namespaces every cluster has; they cannot be deleted.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private Namespace? Item => state.RecordExists ? state.State : null;

    public Task<Namespace?> Get() => Task.FromResult(Item);

    public async Task Ensure()
    {
        if (Item is null)
        {
            await Create(new Namespace { Metadata = new ObjectMeta { Name = this.GetPrimaryKeyString() } });
        }
    }

    public async Task<WriteResult<Namespace>> Create(Namespace item)
    {
        if (Item is { } existing)
        {
            return new(WriteOutcome.AlreadyExists, existing);
        }

        item.ApiVersion = "v1";
        item.Kind = Namespace.KindName;
        item.Metadata.Namespace = null;
        return await Lifecycle.CreateAsync(item, kept =>
        {
            kept.Metadata.Labels = new Dictionary<string, string>(kept.Metadata.Labels ?? []) { ["kubernetes.io/metadata.name"] = kept.Metadata.Name! };
            kept.Spec = new NamespaceSpec { Finalizers = ["kubernetes"] };
            kept.Status = new NamespaceStatus { Phase = "Active" };
            state.State = kept;
        });
    }

    public async Task<WriteResult<Namespace>> Update(Namespace item)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (Lifecycle.Refuse(item, existing) is { } refused)
        {
            return refused;
        }

        item.Metadata.Labels = new Dictionary<string, string>(item.Metadata.Labels ?? []) { ["kubernetes.io/metadata.name"] = existing.Metadata.Name! };
        return await Lifecycle.ApplyUpdate(existing, item, specChanged: false);
    }

    public async Task<WriteResult<Namespace>> Delete(DeletePropagation propagation = DeletePropagation.Background)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (BuiltIn.Contains(existing.Metadata.Name))
        {
            return new(WriteOutcome.Invalid, existing, Message: $"namespace \"{existing.Metadata.Name}\" is a built-in namespace and cannot be deleted");
        }

        if (existing.Status?.Phase != Terminating)
        {
            existing.Status = new NamespaceStatus { Phase = Terminating };
            await Lifecycle.MarkDeletingAsync(existing, gracePeriodSeconds: 0);
            LogTerminating(existing.Metadata.Name!);
        }

        // Answered at once, as Kubernetes does: emptying a namespace of many objects outlasts a call.
        FinalizeSoon();
        return new(WriteOutcome.Deleting, existing);
    }

    private void FinalizeSoon() => (finalizeSoon ??= new CoalescedReconcile(this, Finalize)).Schedule();

    public async Task Finalize()
    {
        if (Item is not { Status.Phase: Terminating } existing)
        {
            return;
        }

        var prefix = existing.Metadata.Name + "/";
        var left = 0;
        left += await DeleteAll<IDeploymentGrain, Deployment>(GrainKeys.DeploymentIndex, prefix);
        left += await DeleteAll<IReplicaSetGrain, ReplicaSet>(GrainKeys.ReplicaSetIndex, prefix);
        left += await DeleteAll<Abstractions.Autoscaling.IHorizontalPodAutoscalerGrain, HorizontalPodAutoscaler>(GrainKeys.HorizontalPodAutoscalerIndex, prefix);
        left += await DeleteAll<IPodGrain, Pod>(GrainKeys.PodIndex, prefix);
        left += await DeleteAll<Abstractions.Services.IServiceGrain, Service>(GrainKeys.ServiceIndex, prefix);
        // Emptied, it still waits for its metadata finalizers (its spec's "kubernetes" finalizer is this controller's).
        if (left > 0 || ObjectLifecycle.HasFinalizers(existing.Metadata))
        {
            return;
        }

        await Lifecycle.ForgetAsync(existing);
        LogDeleted(existing.Metadata.Name!);
    }

    /// <summary>Asks every object of a kind in the namespace to go; returns how many are still there.</summary>
    private async Task<int> DeleteAll<TGrain, T>(string index, string prefix)
        where TGrain : IObjectGrain<T>
        where T : class, IApiObject
    {
        var keys = await GrainFactory.GetGrain<IResourceIndexGrain>(index).List(prefix);
        await Task.WhenAll(keys.Select(k => GrainFactory.GetGrain<TGrain>(k).Delete()));
        return (await GrainFactory.GetGrain<IResourceIndexGrain>(index).List(prefix)).Count;
    }

    private ObjectLifecycle<Namespace> Lifecycle => lifecycle ??= new(
        Kind, this.GetPrimaryKeyString(), GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Release,
    };

    /// <summary>Its last metadata finalizer went: kept as it is now, it goes only through <see cref="Finalize"/>, once it is empty.</summary>
    private async Task<WriteResult<Namespace>> Release(Namespace existing)
    {
        await Lifecycle.SaveAsync(existing);
        await Finalize();
        return new(Item is null ? WriteOutcome.Deleted : WriteOutcome.Updated, existing);
    }

    private WriteResult<Namespace> NotFound() =>
        new(WriteOutcome.NotFound, null, Message: $"namespaces \"{this.GetPrimaryKeyString()}\" not found");

    [LoggerMessage(LogLevel.Information, "Namespace {Name} is terminating")]
    private partial void LogTerminating(string name);

    [LoggerMessage(LogLevel.Information, "Namespace {Name} deleted")]
    private partial void LogDeleted(string name);
}
