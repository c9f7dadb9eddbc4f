using System.Globalization;
using System.Security.Cryptography;
using Platform.Networking;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A bridge name, a /24 for pods and a /24 for cluster IPs of its own for one test cluster, so clusters
/// running side by side (and a `./platform up` on platform0 with 10.88.0.0/24 and 10.96.0.0/16) never share
/// one: the node agents of two clusters would otherwise make the same range local and compete for its
/// addresses' ports. Each subnet is claimed by a lock file created exclusively under /run, and skips any
/// subnet the host already routes.
/// </summary>
public sealed class PodNetworkLease : IDisposable
{
    private const string LeaseDirectory = "/run/platform-e2e-subnets";
    private readonly string[] leaseFiles;

    private PodNetworkLease(string bridge, string subnet, string serviceSubnet, string[] leaseFiles)
    {
        Bridge = bridge;
        Subnet = subnet;
        ServiceSubnet = serviceSubnet;
        this.leaseFiles = leaseFiles;
    }

    public string Bridge { get; }

    public string Subnet { get; }

    /// <summary>The cluster's PLATFORM_SERVICE_CIDR.</summary>
    public string ServiceSubnet { get; }

    public static PodNetworkLease Take()
    {
        var (subnet, lease) = Claim();
        try
        {
            var (serviceSubnet, serviceLease) = Claim();
            return new PodNetworkLease("pe" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(), subnet, serviceSubnet, [lease, serviceLease]);
        }
        catch
        {
            File.Delete(lease);
            throw;
        }
    }

    private static (string Subnet, string LeaseFile) Claim()
    {
        Directory.CreateDirectory(LeaseDirectory);
        var routed = File.ReadAllText("/proc/net/route");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var subnet = $"10.{RandomNumberGenerator.GetInt32(100, 250)}.{RandomNumberGenerator.GetInt32(0, 256)}.0/24";
            var lease = LeaseFile(subnet);
            if (routed.Contains(RouteKey(subnet), StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var _ = new FileStream(lease, FileMode.CreateNew, FileAccess.Write);
                return (subnet, lease);
            }
            catch (IOException) when (File.Exists(lease))
            {
            }
        }

        throw new InvalidOperationException("no free 10.x.y.0/24 subnet for a test cluster");
    }

    /// <summary>Removes what the agent leaves for a later agent: the pods' namespace mounts, then the bridge.</summary>
    public async Task RemoveNetworkAsync(string nodeDirectory)
    {
        var netnsDirectory = Path.Combine(nodeDirectory, "network", "netns");
        foreach (var netns in Directory.Exists(netnsDirectory) ? Directory.GetFiles(netnsDirectory) : [])
        {
            NetworkNamespace.Delete(netns);
        }

        await RemoveBridgeAsync();
    }

    /// <summary>Deletes the bridge if it is there; the service range's local route (a killed agent leaves it) goes with it.</summary>
    public async Task RemoveBridgeAsync()
    {
        if (Directory.Exists(Path.Combine("/sys/class/net", Bridge)))
        {
            await Tool.RunAsync("ip", ["link", "delete", Bridge, "type", "bridge"]);
        }
    }

    /// <summary>Whether some cluster holds <paramref name="subnet"/>'s lease file.</summary>
    public static bool IsLeased(string subnet) => File.Exists(LeaseFile(subnet));

    public void Dispose()
    {
        foreach (var lease in leaseFiles)
        {
            File.Delete(lease);
        }
    }

    private static string LeaseFile(string subnet) => Path.Combine(LeaseDirectory, subnet.Replace('/', '_'));

    /// <summary>The destination column of /proc/net/route: the network address as little-endian hex.</summary>
    private static string RouteKey(string subnet)
    {
        var bytes = System.Net.IPAddress.Parse(subnet.Split('/')[0]).GetAddressBytes();
        return "\t" + BitConverter.ToUInt32(bytes).ToString("X8", CultureInfo.InvariantCulture) + "\t";
    }
}
