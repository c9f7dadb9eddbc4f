using System.Net;
using Platform.Oci.References;
using Platform.Oci.Registry;
using Platform.Oci.Store;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Registry;

/// <summary>
/// Docker's bearer token flow against docker-registry in token-auth mode: the 401 names a realm,
/// service and scope; the client fetches a token there with its Basic credentials and retries.
/// </summary>
public sealed class BearerTokenRegistryTests : IAsyncLifetime
{
    private const string User = "builder";
    private const string Password = "token-pass";

    private readonly HttpClient http = new();
    private readonly TempDirectory temp = new();
    private readonly TokenServer tokens = new(DockerRegistry.FreePort(), User, Password);
    private DockerRegistry? registry;

    /// <summary>xUnit does not dispose a test class whose InitializeAsync threw: a failed start cleans up here.</summary>
    public async Task InitializeAsync()
    {
        try
        {
            registry = await DockerRegistry.StartAsync(DockerRegistry.TokenAuth(tokens));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        tokens.Dispose();
        temp.Dispose();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }

    private RegistryClient Client(RegistryCredentials? credentials) =>
        new(http, registry!.Host, new RegistryClientOptions { Credentials = credentials });

    [Fact]
    public async Task Push_and_pull_fetch_tokens_and_retry()
    {
        var client = Client(new RegistryCredentials(User, Password));
        var image = TestImage.Sample();

        await image.PushAsync(client, "team/app", "v1");
        var pulled = await new ImagePuller(new LayerCache(temp.Combine("cache")), _ => client)
            .PullAsync(ImageReference.Parse($"{registry!.Host}/team/app:v1"), null, CancellationToken.None);

        Assert.Equal(image.Manifest.Digest, pulled.ManifestDigest);
        Assert.Equal("hello from layer one", File.ReadAllText(Path.Combine(pulled.LayerDirectories[0], "etc/hello")));
        // One token per scope change, reused for the requests after it rather than one per request.
        Assert.InRange(tokens.TokensIssued, 1, 4);
    }

    [Fact]
    public async Task Without_credentials_the_token_server_refuses_and_the_error_surfaces()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            Client(null).GetManifestAsync("team/app", "v1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }
}
