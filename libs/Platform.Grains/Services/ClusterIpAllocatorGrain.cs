using System.Net;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Services;

namespace Platform.Grains.Services;

/// <summary>The persisted allocations: cluster IP → the service key (namespace/name) that holds it.</summary>
public sealed class ClusterIpRecord
{
    public Dictionary<string, string> Allocated { get; set; } = [];

    /// <summary>Where the next search for a free address starts, so a released address is not reused at once.</summary>
    public uint Next { get; set; }
}

/// <summary>Hands out cluster IPs from PLATFORM_SERVICE_CIDR, one grain for the cluster, so two services never share one.</summary>
public sealed class ClusterIpAllocatorGrain(
    [PersistentState("clusterips", StorageNames.ControlPlane)] IPersistentState<ClusterIpRecord> state,
    IOptions<ControlPlaneOptions> options) : Grain, IClusterIpAllocatorGrain
{
    private readonly ServiceIpRange range = ServiceIpRange.Parse(options.Value.ServiceCidr);

    public async Task<ClusterIpAllocation> Allocate(string owner, string? requested)
    {
        var held = state.State.Allocated.FirstOrDefault(a => a.Value == owner).Key;
        if (held is not null && (requested is null || requested == held))
        {
            return new(held, null);
        }

        string? ip;
        if (requested is null)
        {
            ip = NextFree();
            if (ip is null)
            {
                return new(null, $"no free cluster IP left in the service range {range}");
            }
        }
        else if (!Check(requested, out var error))
        {
            return new(null, error);
        }
        else
        {
            ip = requested;
        }

        state.State.Allocated[ip] = owner;
        await state.WriteStateAsync();
        return new(ip, null);
    }

    public async Task Release(string ip, string owner)
    {
        if (state.State.Allocated.TryGetValue(ip, out var holder) && holder == owner)
        {
            state.State.Allocated.Remove(ip);
            await state.WriteStateAsync();
        }
    }

    private bool Check(string requested, out string? error)
    {
        error = !IPAddress.TryParse(requested, out var address) || !range.Contains(address)
            ? $"provided IP is not in the valid range. The range of valid IPs is {range}"
            : state.State.Allocated.ContainsKey(address.ToString()) ? "provided IP is already allocated" : null;
        return error is null;
    }

    private string? NextFree()
    {
        var size = range.Last - range.First + 1;
        var start = state.State.Next is var next && next >= range.First && next <= range.Last ? next : range.First;
        for (uint i = 0; i < size; i++)
        {
            var candidate = range.First + (start - range.First + i) % size;
            var text = ServiceIpRange.ToText(candidate);
            if (!state.State.Allocated.ContainsKey(text))
            {
                state.State.Next = candidate + 1;
                return text;
            }
        }

        return null;
    }
}
