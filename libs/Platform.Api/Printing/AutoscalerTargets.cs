using System.Globalization;
using Platform.Api.Model;

namespace Platform.Api.Printing;

/// <summary>The TARGETS column of <c>get hpa</c>, as kubectl prints it: "cpu: 45%/50%", "12/10", at most two then "+ N more...".</summary>
public static class AutoscalerTargets
{
    private const string Unknown = "<unknown>";

    public static string Format(HorizontalPodAutoscaler hpa)
    {
        var specs = hpa.Spec.Metrics ?? [];
        if (specs.Count == 0)
        {
            return "<none>";
        }

        var statuses = hpa.Status?.CurrentMetrics ?? [];
        var parts = specs.Select((spec, i) => One(spec, i < statuses.Count ? statuses[i] : null)).ToList();
        return parts.Count > 2 ? $"{string.Join(", ", parts.Take(2))} + {parts.Count - 2} more..." : string.Join(", ", parts);
    }

    private static string One(MetricSpec spec, MetricStatus? status)
    {
        if (spec.Type == HpaNames.PodsMetric && spec.Pods is { } pods)
        {
            return $"{status?.Pods?.Current.AverageValue ?? Unknown}/{pods.Target.AverageValue}";
        }

        if (spec.Resource is not { } resource)
        {
            return Unknown;
        }

        if (resource.Target.AverageValue is { } average)
        {
            return $"{resource.Name}: {status?.Resource?.Current.AverageValue ?? Unknown}/{average}";
        }

        var current = status?.Resource?.Current.AverageUtilization is { } used ? Percent(used) : Unknown;
        var target = resource.Target.AverageUtilization is { } wanted ? Percent(wanted) : "<auto>";
        return $"{resource.Name}: {current}/{target}";
    }

    private static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";
}
