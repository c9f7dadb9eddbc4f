using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Build.Cache;

/// <summary>
/// The cluster's build cache, kept by the image store at <c>/buildcache/v1/</c> beside (not inside)
/// the distribution API: entries by key, and the entries made on top of a key (for --explain).
/// </summary>
public sealed class BuildCacheClient(HttpClient http, Uri imageStore, string? token)
{
    public async Task<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(imageStore, $"/buildcache/v1/entries/{key}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(CacheJsonContext.Default.CacheEntry, cancellationToken);
    }

    public async Task<IReadOnlyList<CacheEntry>> ChildrenAsync(string parentKey, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(imageStore, $"/buildcache/v1/children/{parentKey}"), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(CacheJsonContext.Default.ListCacheEntry, cancellationToken) ?? [];
    }

    public async Task RecordAsync(CacheEntry entry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(imageStore, $"/buildcache/v1/entries/{entry.Key}"))
        {
            Content = JsonContent.Create(entry, CacheJsonContext.Default.CacheEntry),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
