using System.Globalization;
using Microsoft.Extensions.Logging;
using Platform.Api.Model;
using Platform.Api.Validation;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;
using Platform.Grains.Abstractions.Watching;
using Platform.Grains.Lifecycle;
using Platform.Grains.Watching;
using Platform.Grains.Workloads;

namespace Platform.Grains.Services;

/// <summary>
/// A Service and its endpoints controller. It keeps its own view of the namespace's pods that match its
/// selector, fed by their grains after every change (through the namespace's service directory), and
/// rewrites the Endpoints shortly after a change so bursts coalesce. Activation and the slow resync
/// re-read every pod of the namespace to repair a lost notice.
/// </summary>
public sealed partial class ServiceGrain(
    [PersistentState("service", StorageNames.ControlPlane)] IPersistentState<ServiceRecord> state,
    TimeProvider time,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain
{
    private static readonly StoredKind Kind = new("services", "services", GrainKeys.ServiceIndex);
    private const string EndpointsResource = "endpoints";

    /// <summary>The newest known revision of each pod of the namespace (null: gone or not selected), so a late notice never undoes a newer one.</summary>
    private readonly Dictionary<string, (long Revision, Pod? Pod)> pods = [];
    private CoalescedReconcile? coalesced;
    private ObjectLifecycle<Service>? lifecycle;

    private Service? Item => state.State.Service;

    private string Key => this.GetPrimaryKeyString();

    private string Namespace => GrainKeys.ParsePod(Key).Namespace;

    private string Name => GrainKeys.ParsePod(Key).Name;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Item is not null)
        {
            await RefreshPods();
            ScheduleReconcile();
        }
    }

    public Task<Service?> Get() => Task.FromResult(Item);

    public Task<Endpoints?> GetEndpoints() => Task.FromResult(Item is null ? null : state.State.Endpoints);

    public async Task<WriteResult<Service>> Create(Service item)
    {
        if (Item is { } existing)
        {
            return new(WriteOutcome.AlreadyExists, existing, Message: $"services \"{existing.Metadata.Name}\" already exists");
        }

        if (item.Spec.ClusterIP != ServiceTypes.Headless)
        {
            var allocation = await Allocator.Allocate(Key, NullIfEmpty(item.Spec.ClusterIP));
            if (allocation.Ip is null)
            {
                return new(WriteOutcome.Invalid, null, [FieldError.Invalid("spec.clusterIP", item.Spec.ClusterIP, allocation.Error!)]);
            }

            item.Spec.ClusterIP = allocation.Ip;
        }

        item.Spec.ClusterIPs = [item.Spec.ClusterIP!];
        item.Spec.IpFamilies ??= ["IPv4"];
        item.Spec.IpFamilyPolicy ??= "SingleStack";
        item.Status = new ServiceStatus { LoadBalancer = new LoadBalancerStatus() };
        await Lifecycle.CreateAsync(item, kept =>
        {
            var endpoints = EndpointsBuilder.Build(kept, []);
            ObjectLifecycle.Initialise(endpoints.Metadata, time.GetUtcNow());
            state.State = new ServiceRecord { Service = kept, Endpoints = endpoints };
        });
        await GrainFactory.Record(ChangeTypes.Added, EndpointsResource, state.State.Endpoints!);
        await state.WriteStateAsync();
        await Directory.Add(Name);
        await RefreshPods();
        await Reconcile();
        LogCreated(Namespace, Name, item.Spec.ClusterIP!);
        return new(WriteOutcome.Created, item);
    }

    public async Task<WriteResult<Service>> Update(Service item)
    {
        if (Item is not { } existing)
        {
            return NotFound();
        }

        if (Lifecycle.Refuse(item, existing) is { } refused)
        {
            return refused;
        }

        var errors = ServiceValidator.ValidateUpdate(item, existing).ToList();
        if (errors.Count > 0)
        {
            return new(WriteOutcome.Invalid, existing, errors);
        }

        // What the server assigned stays when the client leaves it out (a PUT of the file as written).
        item.Spec.ClusterIP = existing.Spec.ClusterIP;
        item.Spec.ClusterIPs = existing.Spec.ClusterIPs;
        item.Spec.IpFamilies ??= existing.Spec.IpFamilies;
        item.Spec.IpFamilyPolicy ??= existing.Spec.IpFamilyPolicy;
        var specChanged = !SpecEquality.AreEqual(item.Spec, existing.Spec);
        var result = await Lifecycle.ApplyUpdate(existing, item, specChanged, () => existing.Spec = item.Spec);
        if (result.Outcome != WriteOutcome.Updated)
        {
            return result;
        }

        if (specChanged)
        {
            await RefreshPods();
        }

        ScheduleReconcile();
        return new(WriteOutcome.Updated, existing);
    }

    public async Task<WriteResult<Service>> Delete(DeletePropagation propagation = DeletePropagation.Background) =>
        Item is { } existing ? await Lifecycle.DeleteAsync(existing) : NotFound();

    /// <summary>Its Endpoints go with it, and its cluster IP back to the range.</summary>
    private async Task<WriteResult<Service>> Remove(Service existing)
    {
        coalesced?.Cancel();
        var endpoints = state.State.Endpoints;
        var removed = await Lifecycle.ForgetAsync(existing);
        if (endpoints is not null)
        {
            await GrainFactory.Record(ChangeTypes.Deleted, EndpointsResource, endpoints);
        }

        state.State = new ServiceRecord();
        await Directory.Remove(Name);
        if (existing.Spec.ClusterIP is { } ip && ip != ServiceTypes.Headless)
        {
            await Allocator.Release(ip, Key);
        }

        pods.Clear();
        LogDeleted(Namespace, Name);
        return removed;
    }

    public Task PodChanged(Pod pod, bool gone)
    {
        if (Item is null || pod.Metadata.Name is not { } name)
        {
            return Task.CompletedTask;
        }

        var revision = Revision(pod);
        if (pods.TryGetValue(name, out var known) && known.Revision > revision)
        {
            return Task.CompletedTask;
        }

        var selected = !gone && Item.Spec.Selector is { Count: > 0 } selector && EndpointsBuilder.Selects(selector, pod);
        pods[name] = (revision, selected ? pod : null);
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

    private ObjectLifecycle<Service> Lifecycle => lifecycle ??= new(
        Kind, Key, GrainFactory, time, () => state.WriteStateAsync(), () => state.ClearStateAsync())
    {
        Remove = Remove,
    };

    private CoalescedReconcile Coalesced => coalesced ??= new CoalescedReconcile(this, Reconcile);

    private void ScheduleReconcile() => Coalesced.Schedule();

    private IServiceDirectoryGrain Directory => GrainFactory.GetGrain<IServiceDirectoryGrain>(Namespace);

    private IClusterIpAllocatorGrain Allocator => GrainFactory.GetGrain<IClusterIpAllocatorGrain>(GrainKeys.ClusterIpAllocator);

    /// <summary>Reads every pod of the namespace afresh (pods index, then each pod's grain).</summary>
    private async Task RefreshPods()
    {
        var keys = await GrainFactory.GetGrain<IResourceIndexGrain>(GrainKeys.PodIndex).List($"{Namespace}/");
        var read = await Task.WhenAll(keys.Select(k => GrainFactory.GetGrain<IPodGrain>(k).Get()));
        var selector = Item?.Spec.Selector;
        pods.Clear();
        foreach (var pod in read.OfType<Pod>())
        {
            var selected = selector is { Count: > 0 } && EndpointsBuilder.Selects(selector, pod);
            pods[pod.Metadata.Name!] = (Revision(pod), selected ? pod : null);
        }
    }

    /// <summary>Rewrites the Endpoints when what the pods say changed them; an unchanged result writes nothing.</summary>
    private async Task Reconcile()
    {
        if (Item is not { } service || state.State.Endpoints is not { } current)
        {
            return;
        }

        var built = EndpointsBuilder.Build(service, pods.Values.Select(p => p.Pod).OfType<Pod>());
        if (SpecEquality.AreEqual(built.Subsets, current.Subsets) && SpecEquality.AreEqual(built.Metadata.Labels, current.Metadata.Labels))
        {
            return;
        }

        current.Subsets = built.Subsets;
        current.Metadata.Labels = built.Metadata.Labels;
        await GrainFactory.Record(ChangeTypes.Modified, EndpointsResource, current);
        await state.WriteStateAsync();
        LogEndpoints(Namespace, Name, built.Subsets!.Sum(s => s.Addresses?.Count ?? 0), built.Subsets!.Sum(s => s.NotReadyAddresses?.Count ?? 0));
    }

    private static long Revision(Pod pod) =>
        long.TryParse(pod.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private WriteResult<Service> NotFound() => new(WriteOutcome.NotFound, null, Message: $"services \"{Name}\" not found");

    [LoggerMessage(LogLevel.Information, "Service {Namespace}/{Name} created with cluster IP {ClusterIP}")]
    private partial void LogCreated(string @namespace, string name, string clusterIP);

    [LoggerMessage(LogLevel.Information, "Service {Namespace}/{Name} deleted")]
    private partial void LogDeleted(string @namespace, string name);

    [LoggerMessage(LogLevel.Information, "Endpoints {Namespace}/{Name}: {Ready} ready, {NotReady} not ready")]
    private partial void LogEndpoints(string @namespace, string name, int ready, int notReady);
}
