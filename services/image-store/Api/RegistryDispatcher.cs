using Platform.ImageStore.Distribution;

namespace Platform.ImageStore.Api;

/// <summary>Sends each request below /v2/ to the endpoint of its resource and method, and answers refusals with the spec's error JSON.</summary>
public sealed class RegistryDispatcher(
    BlobEndpoints blobs,
    UploadEndpoints uploads,
    ManifestEndpoints manifests,
    TagEndpoints tags,
    ReferrerEndpoints referrers)
{
    private const string Prefix = "/v2/";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        try
        {
            var route = RegistryRoute.Match(path[Math.Min(Prefix.Length, path.Length)..])
                ?? throw new RegistryException(RegistryError.UnknownPath(path));
            return await DispatchAsync(context, route, context.RequestAborted);
        }
        catch (RegistryException refusal)
        {
            return refusal.Error.ToResult();
        }
    }

    private Task<IResult> DispatchAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var opensUpload = route.Reference.Length == 0;
        return route.Resource switch
        {
            RegistryResource.Blob when isRead => Task.FromResult(blobs.Get(context, route)),
            RegistryResource.Blob when HttpMethods.IsDelete(method) => Task.FromResult(blobs.Delete(route)),
            RegistryResource.Upload when opensUpload && HttpMethods.IsPost(method) => uploads.StartAsync(context, route, cancellationToken),
            RegistryResource.Upload when !opensUpload && isRead => Task.FromResult(uploads.Status(context, route)),
            RegistryResource.Upload when !opensUpload && HttpMethods.IsPatch(method) => uploads.PatchAsync(context, route, cancellationToken),
            RegistryResource.Upload when !opensUpload && HttpMethods.IsPut(method) => uploads.FinishAsync(context, route, cancellationToken),
            RegistryResource.Upload when !opensUpload && HttpMethods.IsDelete(method) => uploads.CancelAsync(route, cancellationToken),
            RegistryResource.Manifest when isRead => manifests.GetAsync(context, route, cancellationToken),
            RegistryResource.Manifest when HttpMethods.IsPut(method) => manifests.PutAsync(context, route, cancellationToken),
            RegistryResource.Manifest when HttpMethods.IsDelete(method) => manifests.DeleteAsync(route, cancellationToken),
            RegistryResource.Tags when isRead => Task.FromResult(tags.List(context, route)),
            RegistryResource.Referrers when isRead => referrers.ListAsync(context, route, cancellationToken),
            _ => throw new RegistryException(RegistryError.Unsupported(method, context.Request.Path.Value ?? "")),
        };
    }
}
