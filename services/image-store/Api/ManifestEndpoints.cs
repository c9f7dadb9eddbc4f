using Microsoft.Net.Http.Headers;
using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>`/v2/<name>/manifests/<reference>`: fetch, check, push and delete manifests by tag or digest.</summary>
public sealed class ManifestEndpoints(ManifestStore manifests)
{
    public async Task<IResult> GetAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var reference = Reference.Parse(route.Reference);
        var manifest = await manifests.FindAsync(route.Name, reference, cancellationToken)
            ?? throw new RegistryException(RegistryError.ManifestUnknown(reference.ToString()));
        RegistryHeaders.SetDigest(context.Response, manifest.Digest);
        return Results.Bytes(manifest.Content, manifest.MediaType);
    }

    public async Task<IResult> PutAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var reference = Reference.Parse(route.Reference);
        var content = await ManifestBody.ReadAsync(context.Request, cancellationToken);
        var (digest, document) = await manifests.PutAsync(route.Name, reference, content, MediaTypeOf(context.Request), cancellationToken);
        RegistryHeaders.SetDigest(context.Response, digest);
        context.Response.Headers.Location = $"/v2/{route.Name}/manifests/{digest}";
        if (document.Subject is { } subject)
        {
            // Tells the client this registry indexes referrers itself, so it need not maintain a fallback tag.
            context.Response.Headers[RegistryHeaders.Subject] = subject.ToString();
        }

        return Results.StatusCode(StatusCodes.Status201Created);
    }

    public async Task<IResult> DeleteAsync(RegistryRoute route, CancellationToken cancellationToken)
    {
        await manifests.DeleteAsync(route.Name, Reference.Parse(route.Reference), cancellationToken);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
}
