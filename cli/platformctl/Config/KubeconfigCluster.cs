namespace Platform.Cli.Config;

/// <summary>
/// The cluster entry of a kubeconfig: the gateway's https address and the certificate authority to trust
/// for it. kubectl (client-go) sends a kubeconfig's token only over TLS, so a plain-http server is
/// swapped for the gateway's TLS endpoint: --tls-server, else $PLATFORM_GATEWAY_TLS_URL, else port 6443
/// of the same host. Its self-signed certificate comes from --certificate-authority, else from
/// $PLATFORM_HOME/api-gateway/tls/ca.crt (where the gateway writes it, as ./platform up's kubeconfig does).
/// </summary>
internal sealed record KubeconfigCluster(string Server, string? CertificateAuthorityData)
{
    public const string TlsUrlVariable = "PLATFORM_GATEWAY_TLS_URL";
    public const string HomeVariable = "PLATFORM_HOME";
    public const string DefaultHome = "/var/lib/platform";
    public const int DefaultTlsPort = 6443;

    public static async Task<KubeconfigCluster> ResolveAsync(
        CliConfig config, CliEnvironment environment, string? tlsServer, string? certificateAuthority, CancellationToken cancellationToken)
    {
        var derived = tlsServer is null && config.Server.Scheme != Uri.UriSchemeHttps;
        var server = tlsServer is not null
            ? ServerAddress.Parse(tlsServer).GetLeftPart(UriPartial.Path).TrimEnd('/')
            : derived ? TlsServerFor(config.Server, environment) : config.ServerDisplay;
        if (!server.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new CliException($"kubectl sends its token only over TLS: --tls-server must be an https address, not \"{server}\"");
        }

        var file = certificateAuthority ?? DefaultCertificatePath(environment);
        if (certificateAuthority is null && !File.Exists(file))
        {
            // An https server named by the user may have a certificate kubectl already trusts.
            return derived
                ? throw new CliException($"the gateway's certificate authority is not at {file}; pass --certificate-authority FILE (a copy of $PLATFORM_HOME/api-gateway/tls/ca.crt from the gateway's machine)")
                : new KubeconfigCluster(server, null);
        }

        return new KubeconfigCluster(server, await ReadCertificateAsync(file, cancellationToken));
    }

    /// <summary>The TLS endpoint of a gateway known by its http address.</summary>
    public static string TlsServerFor(Uri server, CliEnvironment environment) =>
        environment.NonEmpty(TlsUrlVariable) is { } url
            ? ServerAddress.Parse(url).GetLeftPart(UriPartial.Path).TrimEnd('/')
            : new UriBuilder(Uri.UriSchemeHttps, server.Host, DefaultTlsPort).Uri.GetLeftPart(UriPartial.Authority);

    public static string DefaultCertificatePath(CliEnvironment environment) =>
        Path.Combine(environment.NonEmpty(HomeVariable) ?? DefaultHome, "api-gateway", "tls", "ca.crt");

    private static async Task<string> ReadCertificateAsync(string file, CancellationToken cancellationToken)
    {
        string pem;
        try
        {
            pem = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the certificate authority {file}: {e.Message}");
        }

        return pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem))
            : throw new CliException($"{file} is not a PEM certificate");
    }
}
