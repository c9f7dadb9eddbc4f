namespace Platform.Api.Model;

public static class PodResources
{
    /// <summary>
    /// What a pod asks the scheduler for: the sum of its containers' requests, where a container
    /// that sets only a limit requests that limit (Kubernetes' defaulting).
    /// </summary>
    public static ResourceAmounts Requests(this PodSpec spec) =>
        spec.Containers.Aggregate(ResourceAmounts.Zero, (sum, c) => sum + EffectiveRequests(c.Resources));

    private static ResourceAmounts EffectiveRequests(ResourceRequirements? resources)
    {
        var requests = ResourceAmounts.From(resources?.Requests);
        var limits = ResourceAmounts.From(resources?.Limits);
        return new ResourceAmounts(
            HasName(resources?.Requests, ResourceNames.Cpu) ? requests.MilliCpu : limits.MilliCpu,
            HasName(resources?.Requests, ResourceNames.Memory) ? requests.MemoryBytes : limits.MemoryBytes);
    }

    private static bool HasName(Dictionary<string, string>? list, string name) => list?.ContainsKey(name) == true;
}
