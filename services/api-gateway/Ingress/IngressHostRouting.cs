using Platform.ApiGateway.Api;

namespace Platform.ApiGateway.Ingress;

/// <summary>
/// Routes the host form of the ingress like the path form: a request for <c>&lt;service&gt;.&lt;namespace&gt;.&lt;domain&gt;</c>
/// has its path moved under <c>/apps/&lt;namespace&gt;/&lt;service&gt;</c> before routing, so it takes the same route,
/// destinations, metrics, 404 and 503 as the path form, and needs no token. It runs before routing and
/// authentication. Any other name in the domain is answered 404 (it is never the API's).
/// </summary>
public sealed class IngressHostRouting(RequestDelegate next, string domain)
{
    /// <summary>Set in HttpContext.Items on a request routed by its host, so a 404 names the host form.</summary>
    public const string RoutedByHost = "platform.ingress.host";

    public async Task InvokeAsync(HttpContext context)
    {
        var match = IngressHost.Parse(context.Request.Host.Host, domain);
        if (!match.InDomain)
        {
            await next(context);
            return;
        }

        if (match.Service is not { } service || match.Namespace is not { } @namespace)
        {
            await ApiErrors.Failure(404, "NotFound", $"the ingress routes <service>.<namespace>.{domain}: \"{context.Request.Host.Host}\" names no service and namespace").ExecuteAsync(context);
            return;
        }

        var path = context.Request.Path.HasValue ? context.Request.Path : new PathString("/");
        context.Request.Path = new PathString($"{IngressRoutes.PathPrefix}/{@namespace}/{service}").Add(path);
        context.Items[RoutedByHost] = domain;
        await next(context);
    }
}
