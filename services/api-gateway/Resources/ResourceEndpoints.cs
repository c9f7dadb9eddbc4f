using Platform.ApiGateway.Watching;

namespace Platform.ApiGateway.Resources;

/// <summary>Maps every kind of the registry to its Kubernetes paths.</summary>
public static class ResourceEndpoints
{
    public static void MapResources(this IEndpointRouteBuilder app, ResourceRegistry registry)
    {
        foreach (var handler in registry.Handlers)
        {
            var kind = handler.Kind;
            var collection = kind.Namespaced ? $"{kind.BasePath}/namespaces/{{ns}}/{kind.Plural}" : $"{kind.BasePath}/{kind.Plural}";
            var item = $"{collection}/{{name}}";
            ResourceRequests Requests(HttpContext c) =>
                new(handler, c.RequestServices.GetRequiredService<IGrainFactory>(), c.RequestServices.GetRequiredService<WatchHub>());
            string? Ns(HttpContext c) => kind.Namespaced ? (string?)c.Request.RouteValues["ns"] : null;

            if (kind.Namespaced)
            {
                app.MapGet($"{kind.BasePath}/{kind.Plural}", (HttpContext c) => Requests(c).ListOrWatch(c, null));
            }

            app.MapGet(collection, (HttpContext c) => Requests(c).ListOrWatch(c, Ns(c)));
            app.MapPost(collection, (HttpRequest r) => Requests(r.HttpContext).Create(r, Ns(r.HttpContext)));
            app.MapGet(item, (HttpContext c, string name) => Requests(c).Get(c, Ns(c), name));
            app.MapPut(item, (HttpContext c, string name) => Requests(c).Replace(c.Request, Ns(c), name));
            app.MapPatch(item, (HttpContext c, string name) => Requests(c).Patch(c.Request, Ns(c), name));
            app.MapDelete(item, (HttpContext c, string name) => Requests(c).Delete(c.Request, Ns(c), name));
        }
    }
}
