using System.Net.Http.Headers;
using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// GETs a manifest or index by tag or digest, accepting all four manifest media types. The
    /// content is checked against the digest asked for, or else the Docker-Content-Digest header.
    /// </summary>
    public async Task<ManifestDocument> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), repository,
            cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await EnsureSuccessAsync(response, cancellationToken);
        var content = await ReadManifestBytesAsync(response, cancellationToken);
        var document = ManifestDocument.Parse(content, response.Content.Headers.ContentType?.MediaType);
        VerifyManifestDigest(document, reference, response);
        return document;
    }

    /// <summary>
    /// The image manifest for <paramref name="platform"/>: the manifest itself when the reference
    /// names one, or the matching entry when it names an index or manifest list.
    /// </summary>
    public async Task<ManifestDocument> GetImageManifestAsync(
        string repository, string reference, ImagePlatform platform, CancellationToken cancellationToken)
    {
        var document = await GetManifestAsync(repository, reference, cancellationToken);
        if (document.Index is not { } index)
        {
            return document;
        }
        var entry = index.SelectManifest(platform)
            ?? throw new RegistryException(System.Net.HttpStatusCode.NotFound, "MANIFEST_UNKNOWN",
                $"{repository}:{reference} has no image for {platform} (it has: {string.Join(", ", index.Manifests.Select(m => m.Platform?.ToString() ?? "?"))})");
        var manifest = await GetManifestAsync(repository, entry.Digest, cancellationToken);
        return manifest.IsIndex
            ? throw new InvalidManifestException($"index entry {entry.Digest} is itself an index")
            : manifest;
    }

    /// <summary>PUTs a manifest under a tag or its digest; returns the digest the registry stored it as.</summary>
    public async Task<Digest> PushManifestAsync(string repository, string reference, ManifestDocument document, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, RepositoryEndpoint(repository, $"manifests/{reference}"))
            {
                Content = new ByteArrayContent(document.Content),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(document.MediaType);
            return request;
        }, repository, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return document.Digest;
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, RepositoryEndpoint(repository, $"manifests/{reference}"));
        foreach (var mediaType in MediaTypes.AcceptedManifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }
        return request;
    }

    private async Task<byte[]> ReadManifestBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > options.MaxManifestBytes)
        {
            throw new InvalidManifestException($"the manifest is larger than {options.MaxManifestBytes} bytes");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > options.MaxManifestBytes)
            {
                throw new InvalidManifestException($"the manifest is larger than {options.MaxManifestBytes} bytes");
            }
            content.Write(buffer, 0, read);
        }
        return content.ToArray();
    }

    private static void VerifyManifestDigest(ManifestDocument document, string reference, HttpResponseMessage response)
    {
        var expected = Digest.TryParse(reference, out var byReference) ? byReference
            : response.Headers.TryGetValues("Docker-Content-Digest", out var values) && Digest.TryParse(values.FirstOrDefault(), out var byHeader) ? byHeader
            : (Digest?)null;
        if (expected is { } wanted && Digest.Compute(document.Content, wanted.Algorithm) != wanted)
        {
            throw new DigestMismatchException(wanted, Digest.Compute(document.Content, wanted.Algorithm), $"manifest {reference}");
        }
    }
}
