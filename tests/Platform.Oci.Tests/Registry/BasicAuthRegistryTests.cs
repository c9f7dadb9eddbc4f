using System.Net;
using Platform.Oci.References;
using Platform.Oci.Registry;
using Platform.Oci.Store;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Registry;

/// <summary>A second docker-registry, behind htpasswd Basic auth: anonymous requests are refused, credentials work end to end.</summary>
public sealed class BasicAuthRegistryTests : IAsyncLifetime
{
    private const string User = "platform";
    private const string Password = "s3cret-pass";

    private readonly HttpClient http = new();
    private readonly TempDirectory temp = new();
    private DockerRegistry? registry;

    private DockerRegistry Registry => registry!;

    /// <summary>xUnit does not dispose a test class whose InitializeAsync threw: a failed start cleans up here.</summary>
    public async Task InitializeAsync()
    {
        try
        {
            registry = await DockerRegistry.StartAsync(DockerRegistry.HtpasswdAuth(Htpasswd.Line(User, Password)));
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
        temp.Dispose();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }

    private RegistryClient Client(RegistryCredentials? credentials) =>
        new(http, Registry.Host, new RegistryClientOptions { Credentials = credentials });

    [Fact]
    public async Task Anonymous_requests_get_the_registry_unauthorized_error()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Client(null).PingAsync(CancellationToken.None));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHORIZED"), (error.Status, error.Code));
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => Client(new RegistryCredentials(User, "wrong")).PingAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Fact]
    public async Task Push_and_pull_work_with_credentials()
    {
        var client = Client(new RegistryCredentials(User, Password));
        await client.PingAsync(CancellationToken.None);
        var image = TestImage.Sample();
        await image.PushAsync(client, "secure/app", "v1");
        var puller = new ImagePuller(new LayerCache(temp.Combine("cache")), _ => client);

        var pulled = await puller.PullAsync(ImageReference.Parse($"{Registry.Host}/secure/app:v1"), null, CancellationToken.None);

        Assert.Equal(image.Manifest.Digest, pulled.ManifestDigest);
        Assert.Equal("hello from layer one", File.ReadAllText(Path.Combine(pulled.LayerDirectories[0], "etc/hello")));
    }
}
