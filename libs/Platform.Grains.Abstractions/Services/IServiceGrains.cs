using Orleans.Concurrency;
using Platform.Api.Model;

namespace Platform.Grains.Abstractions.Services;

/// <summary>
/// A Service and its endpoints controller: keeps the Endpoints of the same name current from the pods
/// of its namespace, which tell it (through <see cref="IServiceDirectoryGrain"/>) after every change.
/// </summary>
public interface IServiceGrain : IObjectGrain<Service>
{
    /// <summary>The Endpoints object; null when the service does not exist.</summary>
    Task<Endpoints?> GetEndpoints();

    /// <summary>Told what a pod of the namespace now looks like (or that it is gone).</summary>
    [OneWay]
    Task PodChanged(Pod pod, bool gone);

    /// <summary>Re-reads every pod of the namespace (the slow resync's repair for lost notices).</summary>
    Task Resync();
}

/// <summary>The services of one namespace (key: the namespace), so a pod tells each of them about its changes.</summary>
public interface IServiceDirectoryGrain : IGrainWithStringKey
{
    Task Add(string service);

    Task Remove(string service);

    /// <summary>Forwards a pod's change to every service of the namespace (one way, never waiting on them).</summary>
    [OneWay]
    Task PodChanged(Pod pod, bool gone);
}

/// <summary>Hands out cluster IPs from the service range (key <see cref="GrainKeys.ClusterIpAllocator"/>).</summary>
public interface IClusterIpAllocatorGrain : IGrainWithStringKey
{
    /// <summary>The requested address if free and in range, else the next free one; idempotent per owner.</summary>
    Task<ClusterIpAllocation> Allocate(string owner, string? requested);

    Task Release(string ip, string owner);
}

[GenerateSerializer, Immutable]
public sealed record ClusterIpAllocation(
    [property: Id(0)] string? Ip,
    [property: Id(1)] string? Error);
