using System.Globalization;

namespace Platform.Api.Model;

/// <summary>metrics.k8s.io/v1beta1 PodMetrics, as metrics-server serves it: each container's recent usage.</summary>
public sealed class PodMetrics : TypeMeta, IApiObject
{
    public const string KindName = "PodMetrics";
    public const string GroupVersion = "metrics.k8s.io/v1beta1";

    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>When the newest sample was taken.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The span the rates were measured over, as a Go duration ("10.2s").</summary>
    public string? Window { get; set; }

    public List<ContainerMetrics> Containers { get; set; } = [];
}

public sealed class ContainerMetrics
{
    public string? Name { get; set; }

    /// <summary>"cpu" and "memory" quantities ("12m", "3456Ki").</summary>
    public Dictionary<string, string> Usage { get; set; } = [];
}

/// <summary>metrics.k8s.io/v1beta1 NodeMetrics: the node's recent usage.</summary>
public sealed class NodeMetrics : TypeMeta, IApiObject
{
    public const string KindName = "NodeMetrics";

    public ObjectMeta Metadata { get; set; } = new();

    public DateTimeOffset? Timestamp { get; set; }

    public string? Window { get; set; }

    public Dictionary<string, string> Usage { get; set; } = [];
}

/// <summary>The usage map of metrics.k8s.io objects, and Go's duration text for their windows.</summary>
public static class ResourceUsage
{
    public static Dictionary<string, string> Of(long cpuMillicores, long memoryBytes) => new()
    {
        ["cpu"] = Quantity.FormatMilliCpu(cpuMillicores),
        ["memory"] = Quantity.FormatBytes(memoryBytes),
    };

    /// <summary>Go's time.Duration.String() for the spans metrics-server reports: "2s", "10.5s", "1m30s".</summary>
    public static string GoDuration(TimeSpan span)
    {
        var minutes = (long)span.TotalMinutes;
        var seconds = Math.Round(span.TotalSeconds - (minutes * 60), 3);
        var text = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        return minutes > 0 ? $"{minutes}m{text}" : text;
    }
}
