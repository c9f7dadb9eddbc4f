using System.Net;
using Platform.Cli.Config;
using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>
/// One command's connection to one registry. The admin token goes, as HTTP Basic (user "admin"),
/// only to the platform's own registry; any other registry gets the credentials the user gave for
/// it (--creds), or none. Every call turns transport failures and refusals into one-line
/// <see cref="CliException"/>s naming the registry.
/// </summary>
internal sealed class RegistrySession : IDisposable
{
    public const string UserName = "admin";

    private readonly HttpClient http;
    private readonly RegistryCredentials? credentials;

    private RegistrySession(HttpClient http, string host, RegistryCredentials? credentials, bool isPlatform, bool plainHttp)
    {
        this.http = http;
        this.credentials = credentials;
        Host = host;
        IsPlatform = isPlatform;
        var options = new RegistryClientOptions { Credentials = credentials, InsecureRegistries = plainHttp ? [host] : [] };
        Client = new RegistryClient(http, host, options);
        Catalog = new RegistryCatalog(http, Client.BaseAddress, credentials);
        Manifests = new RegistryManifests(http, Client.BaseAddress, credentials);
    }

    public string Host { get; }

    /// <summary>Whether this is the platform's own registry (the one the admin token is for).</summary>
    public bool IsPlatform { get; }

    public RegistryClient Client { get; }

    public RegistryCatalog Catalog { get; }

    public RegistryManifests Manifests { get; }

    /// <param name="platformRegistry">The platform's registry (it gets the admin token, <paramref name="token"/>).</param>
    /// <param name="host">The registry to talk to; the platform's unless a reference named another.</param>
    /// <param name="given">Credentials the user gave for this registry; they win over the admin token.</param>
    public static RegistrySession Open(
        RegistryAddress platformRegistry, string host, string? token, HttpMessageHandler handler, RegistryCredentials? given = null)
    {
        var isPlatform = string.Equals(host, platformRegistry.Host, StringComparison.OrdinalIgnoreCase);
        var credentials = given ?? (isPlatform && token is not null ? new RegistryCredentials(UserName, token) : null);
        // No overall timeout: a layer can take long to send; the handler's connect timeout still applies.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new RegistrySession(http, host, credentials, isPlatform, isPlatform && platformRegistry.PlainHttp);
    }

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw RegistryFailure.Unreachable(Host, e, IsPlatform);
        }
        catch (RegistryException e)
        {
            throw RegistryFailure.Refused(Host, e, credentials is not null, IsPlatform);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw RegistryFailure.TimedOut(Host);
        }
    }

    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    /// <summary>The manifest the reference names and, for an index, its linux/amd64 entry.</summary>
    public async Task<ResolvedImage> ResolveAsync(ImageReference reference, CancellationToken cancellationToken) =>
        await FindAsync(reference, cancellationToken)
        ?? throw new CliException($"image {reference} not found in the registry at {Host}");

    /// <summary>As <see cref="ResolveAsync"/>, but null when the registry has no such repository, tag or digest.</summary>
    public Task<ResolvedImage?> FindAsync(ImageReference reference, CancellationToken cancellationToken) =>
        CallAsync(async ct =>
        {
            ManifestDocument named;
            try
            {
                named = await Client.GetManifestAsync(reference.Repository, reference.ManifestReference, ct);
            }
            catch (RegistryException e) when (e.Status == HttpStatusCode.NotFound)
            {
                return null;
            }

            var image = named.IsIndex
                ? await Client.GetImageManifestAsync(reference.Repository, named.Digest.ToString(), ImagePlatform.LinuxAmd64, ct)
                : named;
            return new ResolvedImage(reference, named, image);
        }, cancellationToken);

    public void Dispose() => http.Dispose();
}
