using System.Globalization;
using Platform.Oci.References;

namespace Platform.Cli.Config;

/// <summary>
/// The image registry the image commands talk to, as an image reference names it ("host:port").
/// <paramref name="PlainHttp"/>: speak HTTP even to a host that is not loopback (the address was
/// given as http://..., or derived from an http:// server).
/// </summary>
internal sealed record RegistryAddress(string Host, bool PlainHttp)
{
    /// <summary>The image store's port on the API server's host when nothing else names a registry.</summary>
    public const int DefaultPort = 5000;

    /// <summary>Precedence: --registry, then $PLATFORM_REGISTRY or the config file's registry, then the server's host on port 5000.</summary>
    public static RegistryAddress Resolve(string? flag, CliConfig config) =>
        flag is { Length: > 0 } ? Parse(flag)
        : config.Registry is { } configured ? Parse(configured)
        : ForServer(config.Server);

    /// <summary>"host:port", "http://host:port" or "https://host:port"; a path or query is refused.</summary>
    public static RegistryAddress Parse(string text)
    {
        var plainHttp = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath.Trim('/').Length > 0
            || uri.Query.Length > 0
            || uri.UserInfo.Length > 0)
        {
            throw new CliException($"invalid registry address \"{text}\": expected HOST:PORT or http://HOST:PORT");
        }

        var host = uri.IsDefaultPort && !HasExplicitPort(text, uri) ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        ValidateHost(text, host);
        return new RegistryAddress(host, plainHttp);
    }

    /// <summary>The API server's host with the image store's port: http://127.0.0.1:8080 → 127.0.0.1:5000.</summary>
    public static RegistryAddress ForServer(Uri server) =>
        new($"{server.Host}:{DefaultPort.ToString(CultureInfo.InvariantCulture)}", server.Scheme == Uri.UriSchemeHttp);

    public override string ToString() => Host;

    // "host:443" written out keeps its port; Uri reports it as the default port all the same.
    private static bool HasExplicitPort(string text, Uri uri) =>
        text.TrimEnd('/').EndsWith(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static void ValidateHost(string text, string host)
    {
        // The reference grammar decides what a registry host may look like; "host/x" parses only when it does.
        if (!ImageReference.TryParse($"{host}/x", out var probe) || probe!.Registry != host)
        {
            throw new CliException($"invalid registry address \"{text}\": \"{host}\" is not a registry host");
        }
    }
}
