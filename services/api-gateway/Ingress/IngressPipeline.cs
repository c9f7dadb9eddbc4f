using System.Diagnostics;
using Platform.ApiGateway.Api;
using Yarp.ReverseProxy.Model;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// The ingress's step in YARP's pipeline, before load balancing: a Service with no ready endpoint is
/// answered 503 with a Status saying so; every request is measured per Service, and counted per pod
/// once YARP has chosen one.
/// </summary>
public static class IngressPipeline
{
    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        var feature = context.GetReverseProxyFeature();
        var route = feature.Route.Config;
        var @namespace = route.Metadata?.GetValueOrDefault(IngressRoutes.NamespaceKey) ?? "";
        var service = route.Metadata?.GetValueOrDefault(IngressRoutes.ServiceKey) ?? "";
        var metrics = context.RequestServices.GetRequiredService<IngressMetrics>();
        var started = Stopwatch.GetTimestamp();
        if (feature.AvailableDestinations.Count == 0)
        {
            await ApiErrors.Unavailable($"service \"{service}\" in namespace \"{@namespace}\" has no ready endpoints").ExecuteAsync(context);
        }
        else
        {
            await next();
            if (feature.ProxiedDestination is { } destination)
            {
                metrics.CountPodRequest(destination.DestinationId);
            }
        }

        metrics.Record(@namespace, service, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Any other path under /apps: no such Service (or no namespace and service in the path). <paramref name="hostDomain"/>
    /// is the ingress domain when the request named its Service by host.
    /// </summary>
    public static IResult NotFound(string? path, string? hostDomain = null)
    {
        var parts = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var form = hostDomain is null ? "/apps/<namespace>/<service>/..." : $"<service>.<namespace>.{hostDomain}";
        return parts.Length >= 2
            ? ApiErrors.Failure(404, "NotFound", $"service \"{parts[1]}\" not found in namespace \"{parts[0]}\" (the ingress routes {form})")
            : ApiErrors.Failure(404, "NotFound", $"the ingress routes {form}: name a namespace and a service");
    }
}
