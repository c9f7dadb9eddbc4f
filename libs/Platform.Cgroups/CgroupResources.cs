namespace Platform.Cgroups;

/// <summary>The limits a container asks for; null means no limit.</summary>
public sealed record CgroupResources(
    long? MemoryLimitBytes = null,
    long? CpuQuotaMicros = null,
    long? CpuPeriodMicros = null,
    long? CpuShares = null,
    long? PidsLimit = null);
