using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Platform.Observability;

/// <summary>
/// The one place that wires Prometheus metrics into a service. Every System.Diagnostics.Metrics meter whose name
/// starts with "Platform." is exported (a new meter needs no change here), with ASP.NET Core's own HTTP server
/// metrics (request counts and durations by route and status, active requests, connections).
/// </summary>
public static class PlatformMetrics
{
    /// <summary>The prefix of every platform meter's name ("Platform.Scheduler", "Platform.Ingress", ...).</summary>
    public const string MeterPrefix = "Platform.";

    public const string Path = "/metrics";

    private static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static IServiceCollection AddPlatformMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterPrefix + "*")
            .AddMeter(FrameworkMeters)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Serves the Prometheus text exposition format at <see cref="Path"/>.</summary>
    public static IEndpointConventionBuilder MapPlatformMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path);
}
