using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>
/// `/v2/<name>/blobs/uploads/[<id>]`: start an upload (or upload monolithically, or mount from
/// another repository), send chunks, ask how far it got, finish it by digest, or cancel it.
/// </summary>
public sealed class UploadEndpoints(UploadStore uploads, RepositoryStore repositories, BlobStore blobs, StoreLock storeLock)
{
    public async Task<IResult> StartAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("mount") && await TryMountAsync(route.Name, query["mount"], query["from"], cancellationToken) is { } mounted)
        {
            return RegistryHeaders.BlobCreated(context.Response, route.Name, mounted);
        }

        if (query.ContainsKey("digest"))
        {
            return await UploadWholeAsync(context, route.Name, Digest.Parse(query["digest"]), cancellationToken);
        }

        var session = uploads.Start(route.Name);
        RegistryHeaders.SetUploadProgress(context.Response, session);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    public IResult Status(HttpContext context, RegistryRoute route)
    {
        var session = uploads.Find(route.Name, route.Reference);
        RegistryHeaders.SetUploadProgress(context.Response, session);
        return Results.StatusCode(StatusCodes.Status204NoContent);
    }

    public async Task<IResult> PatchAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var session = uploads.Find(route.Name, route.Reference);
        await AppendAsync(context, session, cancellationToken);
        RegistryHeaders.SetUploadProgress(context.Response, session);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>Finishes an upload, with an optional last chunk in the body.</summary>
    public async Task<IResult> FinishAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var expected = Digest.Parse(context.Request.Query["digest"]);
        var session = uploads.Find(route.Name, route.Reference);
        if (context.Request.ContentLength is not 0)
        {
            await AppendAsync(context, session, cancellationToken);
        }

        await uploads.CommitAsync(session, expected, cancellationToken);
        repositories.LinkBlob(route.Name, expected);
        return RegistryHeaders.BlobCreated(context.Response, route.Name, expected);
    }

    public async Task<IResult> CancelAsync(RegistryRoute route, CancellationToken cancellationToken)
    {
        await uploads.CancelAsync(uploads.Find(route.Name, route.Reference), cancellationToken);
        return Results.StatusCode(StatusCodes.Status204NoContent);
    }

    private async Task<IResult> UploadWholeAsync(HttpContext context, RepositoryName name, Digest expected, CancellationToken cancellationToken)
    {
        var session = uploads.Start(name);
        try
        {
            await uploads.AppendAsync(session, context.Request.Body, start: null, context.Request.ContentLength, cancellationToken);
            await uploads.CommitAsync(session, expected, cancellationToken);
        }
        catch (Exception) when (!session.Closed)
        {
            await uploads.CancelAsync(session, CancellationToken.None);
            throw;
        }

        repositories.LinkBlob(name, expected);
        return RegistryHeaders.BlobCreated(context.Response, name, expected);
    }

    private async Task AppendAsync(HttpContext context, UploadSession session, CancellationToken cancellationToken)
    {
        var range = ContentRange.Parse(context.Request.Headers.ContentRange);
        var declared = context.Request.ContentLength;
        if (range is { } r && declared is { } length && length != r.Length)
        {
            throw new RegistryException(RegistryError.SizeInvalid($"Content-Range covers {r.Length} bytes but Content-Length is {length}"));
        }

        try
        {
            await uploads.AppendAsync(session, context.Request.Body, range?.Start, range?.Length ?? declared, cancellationToken);
        }
        catch (RegistryException e) when (e.Error.Status == StatusCodes.Status416RangeNotSatisfiable)
        {
            // Tells the client where the upload really stands, so that it can resume from there.
            RegistryHeaders.SetUploadProgress(context.Response, session);
            throw;
        }
    }

    /// <summary>Links a blob of another repository into this one, or answers null to fall back to a plain upload.</summary>
    private async Task<Digest?> TryMountAsync(RepositoryName name, string? mount, string? from, CancellationToken cancellationToken)
    {
        if (!Digest.TryParse(mount, out var digest) || !RepositoryName.TryParse(from, out var source))
        {
            return null;
        }

        using (await storeLock.HoldAsync(cancellationToken))
        {
            if (!repositories.HasBlob(source!, digest))
            {
                return null;
            }

            blobs.Touch(digest);
            repositories.LinkBlob(name, digest);
        }

        return digest;
    }
}
