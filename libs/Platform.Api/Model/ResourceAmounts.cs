namespace Platform.Api.Model;

/// <summary>CPU in millicores and memory in bytes: what scheduling arithmetic works with.</summary>
public readonly record struct ResourceAmounts(long MilliCpu, long MemoryBytes)
{
    public static readonly ResourceAmounts Zero = new(0, 0);

    public static ResourceAmounts operator +(ResourceAmounts a, ResourceAmounts b) =>
        new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes);

    public static ResourceAmounts operator -(ResourceAmounts a, ResourceAmounts b) =>
        new(a.MilliCpu - b.MilliCpu, a.MemoryBytes - b.MemoryBytes);

    public bool FitsWithin(ResourceAmounts capacity) =>
        MilliCpu <= capacity.MilliCpu && MemoryBytes <= capacity.MemoryBytes;

    /// <summary>Reads "cpu" and "memory" from a validated resource list; absent names count as zero.</summary>
    public static ResourceAmounts From(IReadOnlyDictionary<string, string>? list)
    {
        if (list is null)
        {
            return Zero;
        }

        var cpu = list.TryGetValue(ResourceNames.Cpu, out var c) && Quantity.TryParse(c, out var cv) ? Quantity.ToMilli(cv) : 0;
        var memory = list.TryGetValue(ResourceNames.Memory, out var m) && Quantity.TryParse(m, out var mv) ? Quantity.ToWhole(mv) : 0;
        return new ResourceAmounts(cpu, memory);
    }

    public Dictionary<string, string> ToResourceList() => new()
    {
        [ResourceNames.Cpu] = Quantity.FormatMilliCpu(MilliCpu),
        [ResourceNames.Memory] = Quantity.FormatBytes(MemoryBytes),
    };
}

public static class ResourceNames
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Pods = "pods";
}
