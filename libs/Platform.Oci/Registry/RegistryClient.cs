using System.Net;

namespace Platform.Oci.Registry;

/// <summary>
/// A client of one registry host over the OCI Distribution API v2. Requests are built by a factory
/// so that one refused with a 401 can be rebuilt and sent again once the challenge is answered.
/// </summary>
public sealed partial class RegistryClient
{
    private readonly HttpClient http;
    private readonly RegistryClientOptions options;
    private readonly RegistryAuthenticator authenticator;

    public RegistryClient(HttpClient http, string registryHost, RegistryClientOptions? options = null)
    {
        this.http = http;
        this.options = options ?? new RegistryClientOptions();
        RegistryHost = registryHost;
        BaseAddress = RegistryEndpoint.BaseAddressFor(registryHost, this.options.InsecureRegistries);
        authenticator = new RegistryAuthenticator(http, this.options.Credentials);
    }

    public string RegistryHost { get; }

    public Uri BaseAddress { get; }

    /// <summary>GET /v2/: succeeds when the registry speaks the API and accepts our credentials (or needs none).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Endpoint("v2/")), null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private Uri Endpoint(string relative) => new(BaseAddress, relative);

    private Uri RepositoryEndpoint(string repository, string relative) => Endpoint($"v2/{repository}/{relative}");

    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest, string? repository, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var response = await SendOnceAsync(createRequest, repository, completion, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || !await authenticator.TryAnswerAsync(response, repository, cancellationToken))
        {
            return response;
        }
        response.Dispose();
        return await SendOnceAsync(createRequest, repository, completion, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> createRequest, string? repository, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        authenticator.Apply(request, repository);
        return await http.SendAsync(request, completion, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryErrors.FromResponseAsync(response, cancellationToken);
        }
    }
}
