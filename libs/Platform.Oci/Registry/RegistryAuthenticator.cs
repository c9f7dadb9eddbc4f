using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Oci.Registry;

/// <summary>
/// Answers a registry's 401 challenges: HTTP Basic with the configured credentials, or Docker's
/// bearer token flow (fetch a token from the challenge's realm for its service and scope, then
/// retry). Tokens are kept per repository, so the requests after the first go out authorised.
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, RegistryCredentials? credentials)
{
    private const string RegistryWide = "";

    private readonly Dictionary<string, AuthenticationHeaderValue> tokens = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private AuthenticationHeaderValue? basic;

    public void Apply(HttpRequestMessage request, string? repository)
    {
        lock (gate)
        {
            request.Headers.Authorization =
                tokens.GetValueOrDefault(repository ?? RegistryWide) ?? tokens.GetValueOrDefault(RegistryWide) ?? basic;
        }
    }

    /// <summary>Prepares credentials for a retry of the request that got <paramref name="response"/>; false when there is nothing new to try.</summary>
    public async Task<bool> TryAnswerAsync(HttpResponseMessage response, string? repository, CancellationToken cancellationToken)
    {
        var challenges = response.Headers.WwwAuthenticate.Select(AuthenticationChallenge.From).ToList();
        var bearer = challenges.FirstOrDefault(c => c.IsBearer);
        if (bearer is not null)
        {
            var token = await FetchTokenAsync(bearer, repository, cancellationToken);
            lock (gate)
            {
                tokens[repository ?? RegistryWide] = token;
            }
            return true;
        }
        return challenges.Any(c => c.IsBasic) && TryUseBasic();
    }

    private bool TryUseBasic()
    {
        lock (gate)
        {
            // Basic credentials already sent and refused: retrying would not change the answer.
            if (credentials is null || basic is not null)
            {
                return false;
            }
            basic = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
            return true;
        }
    }

    private async Task<AuthenticationHeaderValue> FetchTokenAsync(AuthenticationChallenge challenge, string? repository, CancellationToken cancellationToken)
    {
        var realm = challenge.Realm ?? throw new RegistryException(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "the bearer challenge has no realm");
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenUri(realm, challenge, repository));
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, cancellationToken);
        }
        var body = await response.Content.ReadFromJsonAsync(RegistryJsonContext.Default.TokenResponse, cancellationToken);
        var token = body?.Token ?? body?.AccessToken
            ?? throw new RegistryException(response.StatusCode, "UNAUTHORIZED", $"the token server at {realm} returned no token");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private static Uri TokenUri(string realm, AuthenticationChallenge challenge, string? repository)
    {
        var query = new List<string>();
        if (challenge.Service is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }
        var scope = challenge.Scope ?? (repository is null ? null : $"repository:{repository}:pull");
        if (scope is not null)
        {
            query.Add("scope=" + Uri.EscapeDataString(scope));
        }
        var builder = new UriBuilder(realm);
        var existing = builder.Query.TrimStart('?');
        builder.Query = string.Join('&', new[] { existing }.Where(q => q.Length > 0).Concat(query));
        return builder.Uri;
    }
}
