using System.Net;
using System.Net.Http.Headers;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>
/// <c>DELETE /v2/NAME/manifests/DIGEST</c>, which <see cref="RegistryClient"/> does not cover. The
/// credentials go as HTTP Basic with the request, as the platform's registry takes them.
/// </summary>
internal sealed class RegistryManifests(HttpClient http, Uri baseAddress, RegistryCredentials? credentials)
{
    /// <summary>Deletes the manifest (and, in the registry, every tag pointing to it).</summary>
    /// <returns>False when the registry has no such manifest.</returns>
    public async Task<bool> DeleteAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(baseAddress, $"v2/{repository}/manifests/{digest}"));
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await RegistryResponses.EnsureSuccessAsync(response, cancellationToken);
        return true;
    }
}
