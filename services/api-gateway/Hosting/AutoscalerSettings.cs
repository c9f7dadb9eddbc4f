using System.Globalization;
using Platform.Grains.Autoscaling;

namespace Platform.ApiGateway.Hosting;

/// <summary>The autoscaler's timings from PLATFORM_HPA_SYNC_SECONDS (1) and PLATFORM_HPA_METRICS_WINDOW_SECONDS (5).</summary>
public static class AutoscalerSettings
{
    public static void Read(IConfiguration configuration, AutoscalerOptions options)
    {
        if (Seconds(configuration, "PLATFORM_HPA_SYNC_SECONDS") is { } sync)
        {
            options.SyncPeriod = sync;
        }

        if (Seconds(configuration, "PLATFORM_HPA_METRICS_WINDOW_SECONDS") is { } window)
        {
            options.MetricsWindow = window;
        }
    }

    private static TimeSpan? Seconds(IConfiguration configuration, string key) =>
        configuration[key] is { } text ? TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)) : null;
}
