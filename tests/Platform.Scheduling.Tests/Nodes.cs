using Platform.Api.Model;

namespace Platform.Scheduling.Tests;

internal static class Nodes
{
    public const long Gi = 1L << 30;
    public const long Mi = 1L << 20;

    /// <summary>A ready, schedulable node of 4 cores and 8 GiB with nothing on it.</summary>
    public static NodeCandidate Node(
        string name,
        long milliCpu = 4000,
        long memory = 8 * Gi,
        long allocatedCpu = 0,
        long allocatedMemory = 0,
        int podCount = 0,
        int maxPods = 110,
        bool ready = true,
        bool unschedulable = false) =>
        new(name, ready, unschedulable, new ResourceAmounts(milliCpu, memory), new ResourceAmounts(allocatedCpu, allocatedMemory), podCount, maxPods);

    public static PodRequest Pod(long milliCpu = 0, long memory = 0, string? nodeName = null) =>
        new("default", "web", new ResourceAmounts(milliCpu, memory), nodeName);

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public static Taint Taint(string key, string? value, string effect) => new() { Key = key, Value = value, Effect = effect };

    public static NodeSelectorRequirement Expression(string key, string op, params string[] values) =>
        new() { Key = key, Operator = op, Values = values.Length == 0 ? null : [.. values] };

    public static NodeSelectorTerm Term(params NodeSelectorRequirement[] expressions) => new() { MatchExpressions = [.. expressions] };
}
