using System.Net;
using Platform.Oci.References;

namespace Platform.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>HEAD on the blob: whether the repository has it.</summary>
    public async Task<bool> BlobExistsAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Head, RepositoryEndpoint(repository, $"blobs/{digest}")), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    /// <summary>
    /// Streams a blob into <paramref name="destination"/> (created or truncated), hashing as it
    /// goes; never more than <paramref name="expectedSize"/> bytes are read. On a digest or size
    /// mismatch the file is deleted and <see cref="DigestMismatchException"/> thrown.
    /// </summary>
    /// <param name="progress">Receives the bytes written so far, after every buffer.</param>
    public async Task DownloadBlobAsync(
        string repository, Digest digest, long? expectedSize, string destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, RepositoryEndpoint(repository, $"blobs/{digest}")), repository,
            cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await EnsureSuccessAsync(response, cancellationToken);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await BlobFile.WriteVerifiedAsync(body, digest, expectedSize, destination, progress, cancellationToken);
        }
        catch
        {
            File.Delete(destination);
            throw;
        }
    }
}
