using System.Globalization;
using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>The response headers the distribution spec and its clients rely on.</summary>
public static class RegistryHeaders
{
    public const string ApiVersion = "Docker-Distribution-API-Version";
    public const string ContentDigest = "Docker-Content-Digest";
    public const string UploadId = "Docker-Upload-UUID";
    public const string Subject = "OCI-Subject";
    public const string FiltersApplied = "OCI-Filters-Applied";

    public static void SetDigest(HttpResponse response, Digest digest) => response.Headers[ContentDigest] = digest.ToString();

    /// <summary>Where an upload continues and how much of it the registry holds ("0-0" while empty, as distribution answers).</summary>
    public static void SetUploadProgress(HttpResponse response, UploadSession session)
    {
        response.Headers.Location = $"/v2/{session.Repository}/blobs/uploads/{session.Id}";
        response.Headers[UploadId] = session.Id;
        response.Headers.Range = "0-" + Math.Max(0, session.Size - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A blob that now exists in the repository: where to get it and its digest.</summary>
    public static IResult BlobCreated(HttpResponse response, RepositoryName name, Digest digest)
    {
        SetDigest(response, digest);
        response.Headers.Location = $"/v2/{name}/blobs/{digest}";
        return Results.StatusCode(StatusCodes.Status201Created);
    }
}
