using System.Net;
using System.Net.Http.Headers;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>
/// The listing side of the Distribution API, which <see cref="RegistryClient"/> does not cover:
/// <c>GET /v2/_catalog</c> and <c>GET /v2/NAME/tags/list</c>, following <c>Link: rel="next"</c> pages.
/// </summary>
internal sealed class RegistryCatalog(HttpClient http, Uri baseAddress, RegistryCredentials? credentials)
{
    private const int PageSize = 1000;

    // A registry whose "next" links never end must not keep the CLI busy forever.
    private const int MaxPages = 10_000;

    public Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        ListAsync($"v2/_catalog?n={PageSize}", "repositories", cancellationToken);

    /// <summary>The repository's tags; none when it is gone (deleted since the catalog was read).</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        try
        {
            return await ListAsync($"v2/{repository}/tags/list?n={PageSize}", "tags", cancellationToken);
        }
        catch (RegistryException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<string>> ListAsync(string first, string field, CancellationToken cancellationToken)
    {
        var items = new List<string>();
        Uri? page = new(baseAddress, first);
        for (var pages = 0; page is not null && pages < MaxPages; pages++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            if (credentials is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var body = await RegistryResponses.ReadJsonAsync(response, cancellationToken);
            items.AddRange(RegistryResponses.Strings(body[field]));
            page = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links, page) : null;
        }

        return items;
    }
}
