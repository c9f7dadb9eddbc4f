using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Api;

/// <summary>The routes of the OCI Distribution API v2.</summary>
public static class RegistryApi
{
    private static readonly string[] AllMethods =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static IServiceCollection AddRegistryApi(this IServiceCollection services) => services
        .AddSingleton<BlobEndpoints>()
        .AddSingleton<UploadEndpoints>()
        .AddSingleton<ManifestEndpoints>()
        .AddSingleton<TagEndpoints>()
        .AddSingleton<CatalogEndpoints>()
        .AddSingleton<ReferrerEndpoints>()
        .AddSingleton<RegistryDispatcher>();

    public static void MapRegistryApi(this WebApplication app)
    {
        // The API base: clients probe it to learn that this is a registry (and, through a 401, how to authenticate).
        app.MapMethods("/v2/", [HttpMethods.Get, HttpMethods.Head], () => Results.Json(new { }));
        app.MapMethods("/v2/_catalog", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, CatalogEndpoints catalog) => Paged(context, catalog));
        app.MapMethods("/v2/{**path}", AllMethods, (HttpContext context, RegistryDispatcher dispatcher) => dispatcher.HandleAsync(context));
    }

    private static IResult Paged(HttpContext context, CatalogEndpoints catalog)
    {
        try
        {
            return catalog.List(context);
        }
        catch (RegistryException refusal)
        {
            return refusal.Error.ToResult();
        }
    }

    /// <summary>Every response says which API it speaks, as registry/2.0 clients expect.</summary>
    public static IApplicationBuilder UseDistributionApiVersion(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.Headers[RegistryHeaders.ApiVersion] = "registry/2.0";
        await next(context);
    });
}
