using System.Net;

namespace Platform.ApiGateway.Hosting;

/// <summary>The address a listen URL names: an IP, or loopback for "localhost".</summary>
public static class ListenAddress
{
    public static IPAddress Of(Uri url) =>
        IPAddress.TryParse(url.Host, out var address) ? address
        : url.Host is "localhost" ? IPAddress.Loopback
        : throw new ArgumentException($"listen URL {url} must name an IP address or localhost");
}
