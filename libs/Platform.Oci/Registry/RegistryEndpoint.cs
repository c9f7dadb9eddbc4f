using System.Net;

namespace Platform.Oci.Registry;

/// <summary>
/// Where a registry host is reached. As Docker does, loopback registries are spoken to over plain
/// HTTP (the platform's own store listens on 127.0.0.1); other hosts over HTTPS unless listed as insecure.
/// </summary>
public static class RegistryEndpoint
{
    public static Uri BaseAddressFor(string registryHost, IReadOnlyCollection<string>? insecureRegistries = null)
    {
        var scheme = IsLoopback(registryHost) || (insecureRegistries?.Contains(registryHost) ?? false) ? "http" : "https";
        return new Uri($"{scheme}://{registryHost}/");
    }

    public static bool IsLoopback(string registryHost)
    {
        var host = HostWithoutPort(registryHost);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static string HostWithoutPort(string registryHost)
    {
        if (registryHost.StartsWith('['))
        {
            return registryHost[..(registryHost.IndexOf(']') + 1)];
        }
        var colon = registryHost.LastIndexOf(':');
        return colon < 0 ? registryHost : registryHost[..colon];
    }
}
