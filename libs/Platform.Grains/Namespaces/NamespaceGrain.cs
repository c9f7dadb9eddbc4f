using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Watching;

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
    private const string Resource = "namespaces";

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
        ObjectLifecycle.Initialise(item.Metadata, time.GetUtcNow());
        item.Metadata.Labels = new Dictionary<string, string>(item.Metadata.Labels ?? []) { ["kubernetes.io/metadata.name"] = item.Metadata.Name! };
        item.Spec = new NamespaceSpec { Finalizers = ["kubernetes"] };
        item.Status = new NamespaceStatus { Phase = "Active" };
        state.State = item;
        await GrainFactory.Record(ChangeTypes.Added, Resource, item);
        await state.WriteStateAsync();
        await Index.Add(item.Metadata.Name!);
        return new(WriteOutcome.Created, item);
    }

    public async Task<WriteResult<Namespace>> Update(Namespace item)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (ObjectLifecycle.IsStale(item.Metadata, existing.Metadata))
        {
            return new(WriteOutcome.Conflict, existing, Message: ObjectLifecycle.ConflictMessage(Resource, existing.Metadata.Name));
        }

        if (ObjectLifecycle.SameMetadata(item.Metadata, existing.Metadata))
        {
            return new(WriteOutcome.Unchanged, existing);
        }

        ObjectLifecycle.TakeUserMetadata(existing.Metadata, item.Metadata);
        existing.Metadata.Labels = new Dictionary<string, string>(existing.Metadata.Labels ?? []) { ["kubernetes.io/metadata.name"] = existing.Metadata.Name! };
        await Save();
        return new(WriteOutcome.Updated, existing);
    }

    public async Task<WriteResult<Namespace>> Delete()
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
            existing.Metadata.DeletionTimestamp = time.GetUtcNow();
            existing.Status = new NamespaceStatus { Phase = Terminating };
            await Save();
            LogTerminating(existing.Metadata.Name!);
        }

        await Finalize();
        return new(WriteOutcome.Deleting, Item ?? existing);
    }

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
        if (left > 0)
        {
            return;
        }

        await GrainFactory.Record(ChangeTypes.Deleted, Resource, existing);
        await state.ClearStateAsync();
        await Index.Remove(existing.Metadata.Name!);
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

    private IResourceIndexGrain Index => GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.NamespaceIndex);

    private async Task Save()
    {
        await GrainFactory.Record(ChangeTypes.Modified, Resource, Item!);
        await state.WriteStateAsync();
    }

    private WriteResult<Namespace> NotFound() =>
        new(WriteOutcome.NotFound, null, Message: $"namespaces \"{this.GetPrimaryKeyString()}\" not found");

    [LoggerMessage(LogLevel.Information, "Namespace {Name} is terminating")]
    private partial void LogTerminating(string name);

    [LoggerMessage(LogLevel.Information, "Namespace {Name} deleted")]
    private partial void LogDeleted(string name);
}
