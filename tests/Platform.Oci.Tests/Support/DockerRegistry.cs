using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Oci.Tests.Support;

/// <summary>
/// A private CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 and a free port,
/// with filesystem storage in a temp directory; optionally behind htpasswd Basic auth. Disposing
/// stops it and removes its directory, whatever the tests did.
/// </summary>
public sealed class DockerRegistry : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";

    private readonly TempDirectory directory = new("platform-oci-registry-");
    private Process? process;

    private DockerRegistry(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public string StorageRoot => directory.Combine("storage");

    /// <summary>Where the registry keeps a blob's bytes (distribution's filesystem layout), for corrupting it on purpose.</summary>
    public string BlobDataPath(Platform.Oci.References.Digest digest) =>
        Path.Combine(StorageRoot, "docker", "registry", "v2", "blobs", digest.Algorithm, digest.Hex[..2], digest.Hex, "data");

    /// <summary>Starts a registry; <paramref name="auth"/> is the YAML of its <c>auth:</c> section, written by <see cref="HtpasswdAuth"/> or <see cref="TokenAuth"/>.</summary>
    public static async Task<DockerRegistry> StartAsync(Func<TempDirectory, string>? auth = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's docker-registry package (infra/run-tests.sh does)");
        }
        var registry = new DockerRegistry(FreePort());
        try
        {
            await registry.RunAsync(auth?.Invoke(registry.directory) ?? "");
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        directory.Dispose();
    }

    public static Func<TempDirectory, string> HtpasswdAuth(string htpasswdLine) => directory =>
    {
        var file = directory.Combine("htpasswd");
        File.WriteAllText(file, htpasswdLine + "\n");
        return $"auth:\n  htpasswd:\n    realm: platform-test\n    path: {file}\n";
    };

    public static Func<TempDirectory, string> TokenAuth(TokenServer tokens) => directory =>
    {
        var bundle = directory.Combine("token-ca.pem");
        File.WriteAllText(bundle, tokens.CertificatePem);
        return $"auth:\n  token:\n    realm: {tokens.Realm}\n    service: {TokenServer.Service}\n    issuer: {TokenServer.Issuer}\n    rootcertbundle: {bundle}\n";
    };

    /// <summary>A free loopback port, for a server started next to the registry.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string auth)
    {
        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config, Config(auth));
        process = Process.Start(new ProcessStartInfo(Binary, ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    private string Config(string auth) =>
        $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {StorageRoot}
              delete:
                enabled: true
            http:
              addr: {Host}
              secret: {Guid.NewGuid():N}
            {auth}
            """;

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync($"http://{Host}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"docker-registry did not answer on {Host} within 20 s");
    }
}
