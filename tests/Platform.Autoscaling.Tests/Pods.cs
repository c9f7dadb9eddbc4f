namespace Platform.Autoscaling.Tests;

/// <summary>Pods for the calculator: long-running and ready unless told otherwise, 1 CPU requested.</summary>
internal static class Pods
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static PodSample Running(string name, double? usage, double request = 1000, bool ready = true, TimeSpan? age = null, TimeSpan? readySince = null) => new(
        name,
        "Running",
        false,
        new PodReadiness(ready, Now - (readySince ?? TimeSpan.FromMinutes(10))),
        Now - (age ?? TimeSpan.FromMinutes(10)),
        request,
        usage is { } value ? new MetricSample(value, Now, Window) : null);

    public static PodSample Pending(string name, double request = 1000) =>
        new(name, "Pending", false, null, null, request, null);

    /// <summary>Pods named p0, p1, … with these usages (null: no metric).</summary>
    public static List<PodSample> WithUsage(params double?[] usages) =>
        usages.Select((u, i) => Running($"p{i}", u)).ToList();
}
