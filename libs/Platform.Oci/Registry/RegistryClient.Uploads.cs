using System.Net;
using System.Net.Http.Headers;
using Platform.Oci.IO;
using Platform.Oci.References;

namespace Platform.Oci.Registry;

public sealed partial class RegistryClient
{
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    /// <summary>
    /// Uploads a blob unless the repository has it already: one POST then one PUT for a blob up to
    /// <see cref="RegistryClientOptions.MonolithicUploadLimit"/>, PATCHed in chunks above it.
    /// </summary>
    /// <param name="content">Seekable, positioned at the blob's start (a PUT answered by 401 is sent again from there).</param>
    /// <returns>False when the blob was there already and nothing was sent.</returns>
    public async Task<bool> PushBlobAsync(string repository, Digest digest, Stream content, CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(repository, digest, cancellationToken))
        {
            return false;
        }
        var location = await StartUploadAsync(repository, cancellationToken);
        var length = content.Length - content.Position;
        if (length <= options.MonolithicUploadLimit)
        {
            await PutMonolithicAsync(repository, location, digest, content, length, cancellationToken);
        }
        else
        {
            location = await PatchChunksAsync(repository, location, content, cancellationToken);
            await CompleteUploadAsync(repository, location, digest, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Asks the registry to link a blob from another repository instead of uploading it again.
    /// True when it did (201); false when it opened an upload instead (202), which is cancelled.
    /// </summary>
    public async Task<bool> MountBlobAsync(string repository, Digest digest, string fromRepository, CancellationToken cancellationToken)
    {
        var query = $"blobs/uploads/?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(fromRepository)}";
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, RepositoryEndpoint(repository, query)), repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }
        await CancelUploadAsync(repository, UploadLocation(response), cancellationToken);
        return false;
    }

    private async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, RepositoryEndpoint(repository, "blobs/uploads/")), repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return UploadLocation(response);
    }

    private async Task PutMonolithicAsync(string repository, Uri location, Digest digest, Stream content, long length, CancellationToken cancellationToken)
    {
        var start = content.Position;
        using var response = await SendAsync(() =>
        {
            content.Position = start;
            var request = new HttpRequestMessage(HttpMethod.Put, WithDigest(location, digest))
            {
                Content = new StreamContent(new NonClosingStream(content)),
            };
            request.Content.Headers.ContentType = OctetStream;
            request.Content.Headers.ContentLength = length;
            return request;
        }, repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>One chunk in memory at a time; each PATCH answers with the location of the next.</summary>
    private async Task<Uri> PatchChunksAsync(string repository, Uri location, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[options.ChunkSize];
        long offset = 0;
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            location = await PatchChunkAsync(repository, location, buffer.AsMemory(0, read), offset, cancellationToken);
            offset += read;
        }
        return location;
    }

    private async Task<Uri> PatchChunkAsync(string repository, Uri location, ReadOnlyMemory<byte> chunk, long offset, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new ReadOnlyMemoryContent(chunk) };
            request.Content.Headers.ContentType = OctetStream;
            request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + chunk.Length - 1}");
            return request;
        }, repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return UploadLocation(response);
    }

    private async Task CompleteUploadAsync(string repository, Uri location, Digest digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, WithDigest(location, digest)), repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task CancelUploadAsync(string repository, Uri location, CancellationToken cancellationToken)
    {
        // Best effort: an upload left open is the registry's to expire.
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, location), repository, cancellationToken);
    }

    private Uri UploadLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new RegistryException(response.StatusCode, "UNKNOWN", "the registry opened an upload without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
    }

    private static Uri WithDigest(Uri location, Digest digest)
    {
        var builder = new UriBuilder(location);
        var existing = builder.Query.TrimStart('?');
        var digestParameter = "digest=" + Uri.EscapeDataString(digest.ToString());
        builder.Query = existing.Length == 0 ? digestParameter : existing + "&" + digestParameter;
        return builder.Uri;
    }
}
