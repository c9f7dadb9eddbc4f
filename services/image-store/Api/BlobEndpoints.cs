using Microsoft.Net.Http.Headers;
using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>`/v2/<name>/blobs/<digest>`: fetch (with ranges), check and delete blobs.</summary>
public sealed class BlobEndpoints(RepositoryStore repositories, BlobStore blobs)
{
    public IResult Get(HttpContext context, RegistryRoute route)
    {
        var digest = Digest.Parse(route.Reference);
        if (!repositories.HasBlob(route.Name, digest))
        {
            throw new RegistryException(RegistryError.BlobUnknown(digest));
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            // A HEAD is how a pusher learns it may skip an upload: keep the blob from collection until its manifest arrives.
            blobs.Touch(digest);
        }

        RegistryHeaders.SetDigest(context.Response, digest);
        if (context.Request.Headers.Range.Count == 0)
        {
            return new BlobContent(blobs.PathOf(digest));
        }

        return Results.File(
            blobs.PathOf(digest),
            "application/octet-stream",
            enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{digest}\""));
    }

    /// <summary>Removes the blob from this repository only; its bytes go when no repository's manifest references them.</summary>
    public IResult Delete(RegistryRoute route)
    {
        var digest = Digest.Parse(route.Reference);
        return repositories.UnlinkBlob(route.Name, digest)
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : throw new RegistryException(RegistryError.BlobUnknown(digest));
    }
}
