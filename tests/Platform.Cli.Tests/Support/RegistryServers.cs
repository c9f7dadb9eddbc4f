using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Platform.Oci.Model;

namespace Platform.Cli.Tests.Support;

/// <summary>
/// Two real registries on loopback for the image transfer tests: the platform's image store (its
/// build output run with `dotnet`, an admin token, a temporary PLATFORM_HOME) and Debian's
/// docker-registry (CNCF distribution: its own config file, filesystem storage in a temporary
/// directory, no auth, deletes enabled). Disposing stops both and removes the directories, also
/// when one of them failed to start.
/// </summary>
public sealed class RegistryServers : IAsyncLifetime
{
    private const string DockerRegistryBinary = "/usr/bin/docker-registry";

    private readonly TempDirectory directory = new();
    private ServerProcess? imageStore;
    private ServerProcess? dockerRegistry;
    private bool disposed;

    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>host:port of the platform's image store.</summary>
    public string ImageStore { get; } = $"127.0.0.1:{FreePorts.Next()}";

    /// <summary>host:port of docker-registry, the "other" registry.</summary>
    public string DockerRegistry { get; } = $"127.0.0.1:{FreePorts.Next()}";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The digest a registry's manifest HEAD answers with (Docker-Content-Digest), anonymously as
    /// any puller asks; null when the registry has no such manifest (404).
    /// </summary>
    public async Task<string?> ManifestDigestAsync(string registry, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{registry}/v2/{repository}/manifests/{reference}");
        foreach (var mediaType in MediaTypes.AcceptedManifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        using var response = await Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    /// <summary>The status of a GET of the manifest, as a puller would see it.</summary>
    public async Task<HttpStatusCode> GetManifestStatusAsync(string registry, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/{repository}/manifests/{reference}");
        foreach (var mediaType in MediaTypes.AcceptedManifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(DockerRegistryBinary))
        {
            throw new InvalidOperationException($"{DockerRegistryBinary} is missing: install Debian's docker-registry package (infra/run-tests.sh does)");
        }

        try
        {
            imageStore = await StartImageStoreAsync();
            dockerRegistry = await StartDockerRegistryAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Http.Dispose();
        try
        {
            foreach (var server in new[] { dockerRegistry, imageStore })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }
        }
        finally
        {
            directory.Dispose();
        }
    }

    private async Task<ServerProcess> StartImageStoreAsync()
    {
        var home = directory.Subdirectory("image-store-home");
        var tokenFile = Path.Combine(home, "admin.token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        var environment = new Dictionary<string, string>
        {
            ["PLATFORM_HOME"] = home,
            ["PLATFORM_IMAGE_STORE_URL"] = $"http://{ImageStore}",
            ["PLATFORM_ADMIN_TOKEN_FILE"] = tokenFile,
        };
        return await ServerProcess.StartAsync(
            "dotnet", [RepositoryLayout.ImageStoreAssembly], environment, directory.File("image-store.log"), ImageStore);
    }

    private async Task<ServerProcess> StartDockerRegistryAsync()
    {
        var config = directory.File("docker-registry.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {directory.Subdirectory("docker-registry-storage")}
              delete:
                enabled: true
            http:
              addr: {DockerRegistry}
              secret: {Guid.NewGuid():N}
            """);
        return await ServerProcess.StartAsync(
            DockerRegistryBinary, ["serve", config], new Dictionary<string, string>(), directory.File("docker-registry.log"), DockerRegistry);
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryServersCollection : ICollectionFixture<RegistryServers>
{
    public const string Name = "registry servers";
}
